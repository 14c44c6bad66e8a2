import type { Metadata } from "next";
import Link from "next/link";
import { allowlistHistory, getAllowlistEntry } from "@/lib/allowlist/store";
import { requireUser } from "@/lib/auth/guard";
import { parseAllowlistParams } from "../allowlist-params";
import { safeIso } from "../safe-date";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Allowlist history" };

interface HistoryPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Who changed which entry, when, how, and the entry before and after. Newest first. */
export default async function AllowlistHistoryPage({ searchParams }: HistoryPageProps) {
  await requireUser("viewer");
  const { entry: entryId } = parseAllowlistParams(await searchParams);
  const [changes, entry] = await Promise.all([
    allowlistHistory(entryId),
    entryId ? getAllowlistEntry(entryId) : Promise.resolve(null),
  ]);

  return (
    <>
      <p>
        <Link href="/allowlist">← Allowlist</Link>
        {entryId ? (
          <>
            {" · "}
            <Link href="/allowlist/history">All entries' history</Link>
          </>
        ) : null}
      </p>
      <h1 className="isolate">
        {entryId ? `History of “${entry?.name ?? "a deleted entry"}”` : "Allowlist history"}
      </h1>
      {changes.length === 0 ? (
        <p className="panel">No changes recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Allowlist changes">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entry</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id.toString()}>
                  <td className="mono nowrap">{safeIso(c.at)}</td>
                  <td>{c.by}</td>
                  <td>{c.action}</td>
                  <td>
                    <Link href={`/allowlist/history?entry=${c.entryId}`}>
                      {snapshotName(c.after) ?? snapshotName(c.before) ?? c.entryId}
                    </Link>
                  </td>
                  <td className="long">
                    <Snapshot value={c.before} />
                  </td>
                  <td className="long">
                    <Snapshot value={c.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function snapshotName(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("name" in value)) return null;
  return typeof value.name === "string" ? value.name : null;
}

function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">(none)</span>;
  return <pre className="raw">{JSON.stringify(value, null, 2)}</pre>;
}
