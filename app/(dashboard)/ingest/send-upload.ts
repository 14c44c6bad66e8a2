export interface UploadProgress {
  sent: number;
  total: number;
}

export interface UploadRequest {
  files: readonly File[];
  /** The job's id, chosen here so that the page can follow the job while the server reads. */
  jobId: string;
  /** How CSV exports write dates when a file cannot tell; null lets each file decide. */
  dateOrder: "dmy" | "mdy" | null;
}

/**
 * Posts the files with XMLHttpRequest rather than fetch: only XHR reports upload progress.
 * Resolves with the status and body text; rejects only when no answer arrived at all.
 */
export function sendUpload(
  upload: UploadRequest,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const file of upload.files) form.append("files", file, file.name);
  const query = new URLSearchParams({ job: upload.jobId });
  if (upload.dateOrder !== null) query.set("dateOrder", upload.dateOrder);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/ingest?${query}`);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded, total: event.total });
    });
    request.addEventListener("load", () =>
      resolve({ status: request.status, body: request.responseText }),
    );
    request.addEventListener("error", () =>
      reject(new Error("The upload did not reach the server. Check that Tripline is running.")),
    );
    request.addEventListener("abort", () => reject(new Error("The upload was cancelled.")));
    request.send(form);
  });
}

/**
 * A random version-4 UUID. `crypto.randomUUID` exists only on secure origins, and the dashboard
 * may be served over plain HTTP on a LAN address; `getRandomValues` works everywhere.
 */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
