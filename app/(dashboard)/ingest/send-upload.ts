export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Posts the files with XMLHttpRequest rather than fetch: only XHR reports upload progress.
 * Resolves with the status and body text; rejects only when no answer arrived at all.
 */
export function sendUpload(
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/ingest");
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
