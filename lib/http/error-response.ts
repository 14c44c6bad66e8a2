import { publicError } from "../errors";
import { logger } from "../log";

const log = logger("api");

/** The JSON answer for any failure of a route handler: `{ error: { code, message } }`. */
export function errorResponse(error: unknown): Response {
  const { code, message, status } = publicError(error);
  if (status >= 500) log.error({ err: error }, "request failed");
  const headers = new Headers();
  if (code === "unauthorized") headers.set("WWW-Authenticate", 'Bearer realm="tripline"');
  return Response.json({ error: { code, message } }, { status, headers });
}
