import type { z } from "zod";
import { PullError } from "./pull-error";

/** An SDK's deserialised answer checked against what the pull relies on. */
export function checkAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join(".") || "answer"}: ${issue.message}` : "unknown";
  throw new PullError(
    "invalid_response",
    `${what} got an answer Tripline does not understand (${where}); nothing from it was stored.`,
  );
}

/** An answer's exact bytes, as JSON checked against `schema`; anything else is invalid. */
export function checkBody<T>(schema: z.ZodType<T>, body: Buffer, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new PullError(
      "invalid_response",
      `${what} got an answer Tripline does not understand (its body is not JSON); nothing from it was stored.`,
    );
  }
  return checkAnswer(schema, json, what);
}
