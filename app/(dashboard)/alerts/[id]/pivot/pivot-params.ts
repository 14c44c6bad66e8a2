import { z } from "zod";

const PivotParams = z.object({
  by: z.enum(["actor", "ip"]).catch("actor"),
  window: z.coerce.number().int().min(1).max(10_080).catch(60),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PivotParams = z.infer<typeof PivotParams>;

type RawParams = Record<string, string | string[] | undefined>;

/** `?by=actor|ip&window=<minutes either side>&page=`: invalid values fall back to defaults. */
export function parsePivotParams(params: RawParams): PivotParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return PivotParams.parse({
    by: first(params.by),
    window: first(params.window),
    page: first(params.page),
  });
}
