"use client";

// Server errors reach the browser without their message (Next replaces it with a digest), so
// the page says one plain sentence and points to the log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : null;

  return (
    <section className="panel" role="alert">
      <h1>This page could not be loaded</h1>
      <p>
        Something went wrong on the server while preparing this page. The details are in the server
        log{digest ? ` (reference ${digest})` : ""}; try again, and tell your administrator if it
        keeps happening.
      </p>
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </section>
  );
}
