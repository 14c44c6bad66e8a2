/**
 * What a log line may say about a database connection error: its message and SQLSTATE code.
 * The error itself must not be logged: pg-pool hangs the client on an idle client's error, and
 * that object holds the connection's cancel key (and its parameters).
 */
export function connectionErrorFields(error: unknown): { error: string; errorCode?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? { error: message, errorCode: code } : { error: message };
}
