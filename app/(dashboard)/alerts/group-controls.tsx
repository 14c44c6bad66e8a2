import Form from "next/form";
import type { AlertGroup, GroupField } from "@/lib/alerts/grouping";
import { type AlertQuery, alertsHref } from "./alerts-url";
import { GROUP_FILTER, GROUP_LABELS } from "./group-param";

// Paging and sorting belong to the plain table; a grouped view starts over without them.
const VIEW_ONLY = new Set(["page", "sort", "dir"]);

/** "Group by" as a GET form carrying the current filters, plus the export links. */
export function GroupControls({
  query,
  groupBy,
}: {
  query: AlertQuery;
  groupBy: GroupField | null;
}) {
  const carried = Object.entries(query).filter(([key]) => !VIEW_ONLY.has(key));
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter(([key]) => !VIEW_ONLY.has(key) && key !== "pageSize"),
  );
  const exportHref = (format: "csv" | "json") => {
    const params = new URLSearchParams(exportQuery);
    params.set("format", format);
    return `/api/alerts/export?${params}`;
  };

  return (
    <div className="bulk-bar">
      <Form action="/alerts" aria-label="Group alerts">
        {carried.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <label htmlFor="group-by">Group by</label>
        <select id="group-by" name="groupBy" defaultValue={groupBy ?? ""}>
          <option value="">No grouping</option>
          {(Object.keys(GROUP_LABELS) as GroupField[]).map((field) => (
            <option key={field} value={field}>
              {GROUP_LABELS[field]}
            </option>
          ))}
        </select>
        <button type="submit">Group</button>
      </Form>
      <span>
        Export this view:{" "}
        <a href={exportHref("csv")} download>
          CSV
        </a>{" "}
        <a href={exportHref("json")} download>
          JSON
        </a>
      </span>
    </div>
  );
}

/** The groups of the filtered alerts; each opens the table filtered to exactly that value. */
export function GroupsTable(props: { groups: AlertGroup[]; by: GroupField; query: AlertQuery }) {
  const { groups, by, query } = props;
  const label = GROUP_LABELS[by];

  return (
    <section aria-label={`Alerts by ${label.toLowerCase()}`}>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col" className="num">
                Alerts
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col">Latest (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <td className="wrap">
                  <a href={alertsHref(query, { [GROUP_FILTER[by]]: group.key, page: undefined })}>
                    {group.key || `(no ${label.toLowerCase()})`}
                  </a>
                </td>
                <td className="num">{group.count}</td>
                <td className="num">{group.open}</td>
                <td className="mono nowrap">{group.latest.toISOString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
