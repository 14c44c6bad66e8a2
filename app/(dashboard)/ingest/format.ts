/** "1.5 MB" style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "850 ms", "12.3 s", "4 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A timestamp in UTC, as the alerts show times. */
export function formatTime(iso: string | null): string {
  if (iso === null) return "";
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}

/** Bytes read, with the file's size when it is known. */
export function formatProgress(bytesRead: number, sizeBytes: number | null): string {
  if (sizeBytes === null || sizeBytes === 0) return formatBytes(bytesRead);
  const percent = Math.min(100, Math.floor((bytesRead / sizeBytes) * 100));
  return `${formatBytes(bytesRead)} of ${formatBytes(sizeBytes)} (${percent}%)`;
}
