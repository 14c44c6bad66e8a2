import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { parseAuditPage } from "@/lib/audit/schemas";
import { listAuditEvents } from "@/lib/audit/store";
import { requireUser } from "@/lib/auth/guard";
import { AuditTable } from "./audit-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requireUser("admin");
  const query = parseAuditPage(await searchParams);
  const { rows, total } = await listAuditEvents(query);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const href = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), page: String(page) })}`;

  return (
    <>
      <h1>Audit log</h1>
      <form className="panel filters" aria-label="Audit filters">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <AuditTable rows={rows} />
      <nav className="pager" aria-label="Audit pages">
        {query.page > 1 ? <Link href={href(query.page - 1)}>Newer</Link> : null}
        <span>
          Page {query.page} of {pages} ({total} records)
        </span>
        {query.page < pages ? <Link href={href(query.page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
