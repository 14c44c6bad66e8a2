import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { parityPreview } from "@/lib/parity/preview";
import { ParityAt } from "@/lib/parity/schemas";
import { ReportTable } from "./report-table";
import { RunForm } from "./run-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Parity report" };

// Rows rendered on the page; the CSV holds every row.
const PAGE_ROWS = 1000;

const SOURCE_NOTES = {
  alerts: "Read from the parity rule's alerts: every stored event has been judged by its version.",
  events: "Judged here from every stored event in the window: the rule's alerts are out of date.",
} as const;

interface ParityPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ParityPage({ searchParams }: ParityPageProps) {
  await requireUser("viewer");
  const param = (await searchParams).at;
  const parsed = ParityAt.safeParse(Array.isArray(param) ? param[0] : param);
  const at = (parsed.success ? parsed.data : undefined) ?? new Date();
  const report = await parityPreview(at, PAGE_ROWS);
  const csvHref = `/api/parity?${new URLSearchParams({ at: at.toISOString(), format: "csv" })}`;

  return (
    <>
      <h1>Parity report</h1>
      <p className="hint">
        Exactly the rows Microsoft Sentinel's analytics rule returns when run at this instant: its
        six columns, empty where Sentinel has no value, newest first.
      </p>
      {parsed.success ? null : (
        <p className="error-message" role="alert">
          {parsed.error.issues[0]?.message} Showing the report for now instead.
        </p>
      )}
      <RunForm at={at} />
      <p>
        Events with TimeGenerated after <code>{report.window.after.toISOString()}</code> and up to{" "}
        <code>{report.window.upTo.toISOString()}</code>: {report.rows.length}
        {report.more ? "+" : ""} {report.rows.length === 1 ? "row" : "rows"}.{" "}
        <a href={csvHref} download>
          Download CSV
        </a>
      </p>
      <p className="hint">{SOURCE_NOTES[report.source]}</p>
      {report.more ? (
        <p className="notice">Showing the first {PAGE_ROWS} rows; the CSV holds all of them.</p>
      ) : null}
      {report.rows.length === 0 ? (
        <p className="hint">The query returns no rows at this instant.</p>
      ) : (
        <ReportTable rows={report.rows} />
      )}
    </>
  );
}
