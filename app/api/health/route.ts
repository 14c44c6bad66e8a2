export const dynamic = "force-dynamic";

/** Liveness only: answers without touching the database, so it works before migrations run. */
export function GET(): Response {
  return Response.json({ ok: true });
}
