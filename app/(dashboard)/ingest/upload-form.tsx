"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { LiveProgress } from "./live-progress";
import { ResultsTable } from "./results-table";
import { newJobId, sendUpload, type UploadRequest } from "./send-upload";
import { type FileResult, readUploadResponse } from "./upload-response";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; jobId: string; percent: number }
  | { phase: "processing"; jobId: string }
  | { phase: "done"; jobId: string; files: FileResult[] }
  | { phase: "failed"; jobId: string | null; message: string };

const DATE_ORDERS = ["", "dmy", "mdy"] as const;

function readDateOrder(value: string): UploadRequest["dateOrder"] {
  return value === "dmy" || value === "mdy" ? value : null;
}

export function UploadForm() {
  const input = useRef<HTMLInputElement>(null);
  const [dateOrder, setDateOrder] = useState<(typeof DATE_ORDERS)[number]>("");
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "processing";

  async function upload(files: File[]) {
    const jobId = newJobId();
    setState({ phase: "uploading", jobId, percent: 0 });
    try {
      const request = { files, jobId, dateOrder: readDateOrder(dateOrder) };
      const answer = await sendUpload(request, ({ sent, total }) => {
        // The server reads as it receives, so once every byte is sent only processing remains.
        if (sent >= total) setState({ phase: "processing", jobId });
        else setState({ phase: "uploading", jobId, percent: Math.floor((sent / total) * 100) });
      });
      const outcome = readUploadResponse(answer.status, answer.body);
      if (outcome.ok) setState({ phase: "done", jobId, files: outcome.files });
      else setState({ phase: "failed", jobId, message: outcome.message });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The upload failed.";
      setState({ phase: "failed", jobId, message });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setState({ phase: "failed", jobId: null, message: "Choose one or more log files first." });
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
          CloudTrail (.json, .json.gz; digest files are skipped), Azure Activity and Entra ID audit
          exports, Sentinel / Log Analytics table exports (JSON or CSV), and zip or tar.gz archives
          of them. Several files at once are one upload.
        </p>
        <div className="field">
          <label htmlFor="date-order">Dates in CSV files</label>
          <select
            id="date-order"
            value={dateOrder}
            disabled={busy}
            onChange={(event) => setDateOrder(readDateOrder(event.target.value) ?? "")}
          >
            <option value="">Decide from each file (asks when it cannot)</option>
            <option value="dmy">Day first (21/04/2025)</option>
            <option value="mdy">Month first (4/21/2025)</option>
          </select>
        </div>
        <p className="actions">
          <button type="submit" disabled={busy}>
            Upload
          </button>{" "}
          <Link href="/ingest/history">Ingest history</Link>
        </p>
        <Status state={state} />
      </form>
      {state.phase === "processing" || state.phase === "uploading" ? (
        <LiveProgress jobId={state.jobId} />
      ) : null}
      {state.phase === "done" ? (
        <>
          <ResultsTable files={state.files} />
          <p>
            <Link href="/alerts?range=all">View alerts</Link> ·{" "}
            <Link href={`/ingest/history/${state.jobId}`}>This upload in the ingest history</Link>
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
      {state.phase === "failed" ? (
        <p className="error-message">
          {state.message}{" "}
          {state.jobId ? <Link href={`/ingest/history/${state.jobId}`}>See the job</Link> : null}
        </p>
      ) : null}
    </div>
  );
}
