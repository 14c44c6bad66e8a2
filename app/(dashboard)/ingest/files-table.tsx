import { SHAPE_LABELS, type ShapeId } from "@/lib/ingest/shapes";
import { formatDuration, formatProgress } from "./format";
import type { FileProgress } from "./job-progress";

// A file with thousands of bad records would bury the table; the job keeps the first hundred.
const ERRORS_SHOWN = 20;

const COUNTS = [
  ["records", "Records read"],
  ["stored", "Stored"],
  ["duplicates", "Duplicates"],
  ["idConflicts", "ID conflicts"],
  ["rejected", "Rejected"],
  ["alerts", "Alerts"],
] as const;

function shapeLabel(shape: string | null): string {
  if (shape === null) return "";
  return shape in SHAPE_LABELS ? SHAPE_LABELS[shape as ShapeId] : shape;
}

/**
 * The files of an ingest job while it runs and after: what was recognised, how far reading
 * got, what was stored, and the errors with their positions.
 */
export function FilesTable({ files }: { files: FileProgress[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Shape</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Read
            </th>
            {COUNTS.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {label}
              </th>
            ))}
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Notice and errors</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.id}>
              <th scope="row" className="wrap">
                {file.name}
              </th>
              <td>{shapeLabel(file.shape)}</td>
              <td className={`status-${file.status}`}>{file.status}</td>
              <td className="num nowrap">{formatProgress(file.bytesRead, file.sizeBytes)}</td>
              {COUNTS.map(([key]) => (
                <td key={key} className="num">
                  {file[key]}
                </td>
              ))}
              <td className="num">{formatDuration(file.durationMs)}</td>
              <td className="long">
                {file.notice ? <p>{file.notice}</p> : null}
                <Errors errors={file.errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Errors({ errors }: { errors: FileProgress["errors"] }) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, ERRORS_SHOWN);
  return (
    <ul className="compact">
      {shown.map((error, index) => (
        // Two records may fail for the same reason at the same position text.
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list
        <li key={index}>
          <span className="mono">{error.position}</span>: {error.message}
        </li>
      ))}
      {errors.length > shown.length ? <li>… and {errors.length - shown.length} more</li> : null}
    </ul>
  );
}
