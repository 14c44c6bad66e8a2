/** The closed set of failures a user or client can be told about. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type of the application: a code from the closed set and one plain sentence that
 * says what happened and what to do. Internals stay in `cause` and in the log.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** What a client is shown for any thrown value: AppErrors as they are, anything else generic. */
export function publicError(error: unknown): { code: ErrorCode; message: string; status: number } {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, status: error.status };
  }
  return {
    code: "internal",
    message: "Something went wrong on the server. The details are in the server log.",
    status: 500,
  };
}
