import { z } from "zod";

const AllowlistParams = z.object({
  actor: z.string().trim().max(1000).optional().catch(undefined),
  created: z.uuid().optional().catch(undefined),
});

type RawParams = Record<string, string | string[] | undefined>;

/** `?actor=` prefills the form (from an alert); `?created=` marks the entry just added. */
export function parseAllowlistParams(params: RawParams): z.infer<typeof AllowlistParams> {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return AllowlistParams.parse({ actor: first(params.actor), created: first(params.created) });
}
