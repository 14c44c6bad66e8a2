import Link from "next/link";
import { type AlertQuery, alertsHref } from "./alerts-url";
import { countLabel } from "./labels";

interface PagerProps {
  /** "1234" or "about 90,000". */
  totalLabel: string;
  page: number;
  pageCount: number;
  pageCountEstimated: boolean;
  /** Keyset cursors of the neighbouring pages, null at either end. */
  next: string | null;
  previous: string | null;
  query: AlertQuery;
}

/**
 * Previous and next pages are keyset cursors in the URL, so a deep page costs what the first
 * does; the page number travels along only to be shown.
 */
export function Pager(props: PagerProps) {
  const { totalLabel, page, pageCount, pageCountEstimated, next, previous, query } = props;
  const nextHref = next ? alertsHref(query, { page: String(page + 1), after: next }) : null;
  const previousHref = previous
    ? alertsHref(query, page <= 2 ? {} : { page: String(page - 1), before: previous })
    : null;

  return (
    <nav className="pager" aria-label="Pages">
      <span>
        {totalLabel} {totalLabel === "1" ? "alert" : "alerts"}
      </span>
      <span>
        Page {page} of {countLabel(Math.max(page, pageCount), pageCountEstimated)}
      </span>
      {previousHref ? (
        <Link href={previousHref} prefetch={false}>
          Previous page
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} prefetch={false}>
          Next page
        </Link>
      ) : null}
      {page > 1 ? (
        <Link href={alertsHref(query)} prefetch={false}>
          First page
        </Link>
      ) : null}
    </nav>
  );
}
