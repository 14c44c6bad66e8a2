import Link from "next/link";
import { AppError } from "@/lib/errors";
import { type AlertQuery, alertsHref } from "./alerts-url";

/** A refused page cursor as a value the page can show; any other failure stays thrown. */
export function badLink(error: unknown): { invalid: string } {
  if (error instanceof AppError && error.code === "bad_request") return { invalid: error.message };
  throw error;
}

/** Said instead of the table when the URL's page cursor is damaged or belongs to another sort. */
export function BadPageLink({ message, query }: { message: string; query: AlertQuery }) {
  return (
    <section className="panel" role="alert" aria-label="Page link not valid">
      <h2>This page link cannot be opened</h2>
      <p>{message}</p>
      <p className="actions">
        <Link href={alertsHref(query)}>First page of these alerts</Link>
      </p>
    </section>
  );
}
