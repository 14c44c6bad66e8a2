import { cache } from "react";
import { readSessionToken } from "./session-cookie";
import { findSession, type Session } from "./session-store";

/** The request's signed-in session, looked up once per request however many callers ask. */
export const currentSession = cache(async (): Promise<Session | null> => {
  const token = await readSessionToken();
  return token ? findSession(token) : null;
});
