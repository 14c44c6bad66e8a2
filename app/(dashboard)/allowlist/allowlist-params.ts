import { z } from "zod";

const text = z.string().trim().max(1000).optional().catch(undefined);
const id = z.uuid().optional().catch(undefined);

const AllowlistParams = z.object({
  actor: text,
  operations: text,
  accounts: text,
  created: id,
  updated: id,
  entry: id,
});
export type AllowlistParams = z.infer<typeof AllowlistParams>;

type RawParams = Record<string, string | string[] | undefined>;

/**
 * `?actor=&operations=&accounts=` prefill a new entry (from an alert); `?created=`/`?updated=`
 * mark the entry just saved; `?entry=` narrows the history to one entry.
 */
export function parseAllowlistParams(params: RawParams): AllowlistParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const keys = ["actor", "operations", "accounts", "created", "updated", "entry"] as const;
  return AllowlistParams.parse(Object.fromEntries(keys.map((key) => [key, first(params[key])])));
}
