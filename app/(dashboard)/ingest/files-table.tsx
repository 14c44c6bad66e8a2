import { SHAPE_LABELS, type ShapeId } from "@/lib/ingest/shapes";
import { formatDuration, formatProgress } from "./format";
import { CountCells, CountHeaders } from "./ingest-counts";
import type { FileProgress } from "./job-progress";
import { RecordErrors } from "./record-errors";

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
            <CountHeaders />
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
              <CountCells counts={file} />
              <td className="num">{formatDuration(file.durationMs)}</td>
              <td className="long">
                {file.notice ? <p>{file.notice}</p> : null}
                <RecordErrors errors={file.errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
