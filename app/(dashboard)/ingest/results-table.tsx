import { CountCells, CountHeaders } from "./ingest-counts";
import { RecordErrors } from "./record-errors";
import type { FileResult } from "./upload-response";

/** One row per uploaded file: what was recognised, stored and raised, and what went wrong. */
export function ResultsTable({ files }: { files: FileResult[] }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Shape</th>
              <th scope="col">Status</th>
              <CountHeaders />
              <th scope="col">Notice</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file, index) => (
              // Two uploaded files may share a name; their order is fixed.
              // biome-ignore lint/suspicious/noArrayIndexKey: static list
              <tr key={index}>
                <th scope="row" className="wrap">
                  {file.file}
                </th>
                <td>{file.shapeLabel ?? file.shape ?? "(not recognised)"}</td>
                <td className={`status-${file.status}`}>{file.status}</td>
                <CountCells counts={file} />
                <td className="long">{file.notice ?? ""}</td>
                <td className="long">
                  <RecordErrors errors={file.errors} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
