import type { FileResult } from "./upload-response";

// A file with thousands of bad records would bury the table; the rest are in the server log.
const ERRORS_SHOWN = 20;

const COUNTS = [
  ["records", "Records read"],
  ["stored", "Stored"],
  ["duplicates", "Duplicates"],
  ["idConflicts", "ID conflicts"],
  ["rejected", "Rejected"],
  ["alerts", "Alerts"],
] as const;

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
              {COUNTS.map(([key, label]) => (
                <th key={key} scope="col" className="num">
                  {label}
                </th>
              ))}
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
                {COUNTS.map(([key]) => (
                  <td key={key} className="num">
                    {file[key]}
                  </td>
                ))}
                <td className="long">{file.notice ?? ""}</td>
                <td className="long">
                  <Errors errors={file.errors} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Errors({ errors }: { errors: FileResult["errors"] }) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, ERRORS_SHOWN);
  return (
    <ul className="compact">
      {shown.map((error) => (
        <li key={`${error.position}:${error.message}`}>
          <span className="mono">{error.position}</span>: {error.message}
        </li>
      ))}
      {errors.length > shown.length ? <li>… and {errors.length - shown.length} more</li> : null}
    </ul>
  );
}
