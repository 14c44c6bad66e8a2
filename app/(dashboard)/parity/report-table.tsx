import type { ParityReportRow } from "@/lib/detection/rules/sentinel-query";
import { PARITY_PROJECTION } from "@/lib/events/sentinel-columns";

/** The report's rows under the six columns the Sentinel query projects, in its order. */
export function ReportTable({ rows }: { rows: ParityReportRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Parity report">
        <thead>
          <tr>
            {PARITY_PROJECTION.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // Rows have no id of their own and never reorder within a render.
            // biome-ignore lint/suspicious/noArrayIndexKey: static list
            <tr key={index}>
              {PARITY_PROJECTION.map((column) => (
                <td key={column} className={column === "TimeGenerated" ? "nowrap mono" : "wrap"}>
                  {row[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
