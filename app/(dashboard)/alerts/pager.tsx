import Link from "next/link";
import { type AlertQuery, alertsHref } from "./alerts-url";

interface PagerProps {
  total: number;
  page: number;
  pageCount: number;
  canPrevious: boolean;
  canNext: boolean;
  query: AlertQuery;
}

export function Pager({ total, page, pageCount, canPrevious, canNext, query }: PagerProps) {
  const to = (n: number) => alertsHref(query, { page: n === 1 ? undefined : String(n) });

  return (
    <nav className="pager" aria-label="Pages">
      <span>
        {total} {total === 1 ? "alert" : "alerts"}
      </span>
      <span>
        Page {page} of {pageCount}
      </span>
      {canPrevious ? (
        <Link href={to(page - 1)} prefetch={false}>
          Previous page
        </Link>
      ) : null}
      {canNext ? (
        <Link href={to(page + 1)} prefetch={false}>
          Next page
        </Link>
      ) : null}
      {page > pageCount ? <Link href={to(1)}>First page</Link> : null}
    </nav>
  );
}
