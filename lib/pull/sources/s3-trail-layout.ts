/**
 * Where CloudTrail puts objects in a bucket:
 *   <prefix>/AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<file>.json.gz
 *   <prefix>/AWSLogs/<org id>/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/... (organization)
 * Digests sit beside them under CloudTrail-Digest/.
 */

/** The AWSLogs/ folder under the trail's prefix. */
export function logsRoot(prefix: string): string {
  return prefix === "" ? "AWSLogs/" : `${prefix}/AWSLogs/`;
}

/** What a folder directly under AWSLogs/ is: an account, an organization, or something else. */
export function folderKind(folderName: string): "account" | "organization" | null {
  if (/^\d{12}$/.test(folderName)) return "account";
  if (/^o-[a-z0-9]{10,32}$/.test(folderName)) return "organization";
  return null;
}

/** The last path segment of a common prefix ("AWSLogs/111122223333/" → "111122223333"). */
export function lastSegment(commonPrefix: string): string {
  return commonPrefix.replace(/\/$/, "").split("/").pop() ?? "";
}

/** The delivery day in a key under a region folder, or null for a key outside the layout. */
export function deliveryDay(regionFolder: string, key: string): Date | null {
  if (!key.startsWith(regionFolder)) return null;
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\/[^/]+$/.exec(key.slice(regionFolder.length));
  if (!match) return null;
  const day = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? null : day;
}

/**
 * The StartAfter for listing a region folder from `day` on: keys sort by their path, so every
 * key of that day or later sorts after "<region>/yyyy/mm/dd".
 */
export function listFrom(regionFolder: string, day: Date): string {
  const [yyyy, mm, dd] = day.toISOString().slice(0, 10).split("-");
  return `${regionFolder}${yyyy}/${mm}/${dd}`;
}

/** Digest files never hold events; recognised by name here and by content in the pipeline. */
export function isDigestKey(key: string): boolean {
  return key.includes("CloudTrail-Digest");
}

/** Midnight UTC of the day `time` falls on. */
export function utcDay(time: Date): Date {
  return new Date(`${time.toISOString().slice(0, 10)}T00:00:00Z`);
}
