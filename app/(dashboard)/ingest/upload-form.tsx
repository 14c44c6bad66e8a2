"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { ResultsTable } from "./results-table";
import { sendUpload } from "./send-upload";
import { type FileResult, readUploadResponse } from "./upload-response";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "processing" }
  | { phase: "done"; files: FileResult[] }
  | { phase: "failed"; message: string };

export function UploadForm() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "processing";

  async function upload(files: File[]) {
    setState({ phase: "uploading", percent: 0 });
    try {
      const answer = await sendUpload(files, ({ sent, total }) => {
        // The server reads as it receives, so once every byte is sent only processing remains.
        if (sent >= total) setState({ phase: "processing" });
        else setState({ phase: "uploading", percent: Math.floor((sent / total) * 100) });
      });
      const outcome = readUploadResponse(answer.status, answer.body);
      if (outcome.ok) setState({ phase: "done", files: outcome.files });
      else setState({ phase: "failed", message: outcome.message });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The upload failed.";
      setState({ phase: "failed", message });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setState({ phase: "failed", message: "Choose one or more log files first." });
      return;
    }
    void upload(files);
  }

  return (
    <>
      <form className="panel" onSubmit={onSubmit} aria-label="Upload log files">
        <div className="field">
          <label htmlFor="files">Log files</label>
          <input ref={input} id="files" name="files" type="file" multiple disabled={busy} />
        </div>
        <p className="hint">
          CloudTrail (.json, .json.gz, digest files are skipped), Azure Activity and Entra ID audit
          exports (JSON or CSV). Several files at once are one upload.
        </p>
        <p className="actions">
          <button type="submit" disabled={busy}>
            Upload
          </button>
        </p>
        <Status state={state} />
      </form>
      {state.phase === "done" ? (
        <>
          <ResultsTable files={state.files} />
          <p>
            <Link href="/alerts?range=all">View alerts</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function Status({ state }: { state: UploadState }) {
  return (
    <div role="status" aria-live="polite">
      {state.phase === "uploading" ? (
        <p>
          Uploading… {state.percent}%{" "}
          <progress max={100} value={state.percent} aria-label="Upload progress" />
        </p>
      ) : null}
      {state.phase === "processing" ? <p>Uploaded; reading the files on the server…</p> : null}
      {state.phase === "done" ? <p>Upload finished.</p> : null}
      {state.phase === "failed" ? <p className="error-message">{state.message}</p> : null}
    </div>
  );
}
