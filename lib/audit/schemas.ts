import { z } from "zod";
import { AUDIT_ACTIONS } from "./actions";

export const AuditPage = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type RawParams = Record<string, string | string[] | undefined>;

/** The audit page's URL parameters; an invalid one falls back to its default. */
export function parseAuditPage(
  params: RawParams,
): z.infer<typeof AuditPage> & { pageSize: number } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = AuditPage.parse({ action: first(params.action), page: first(params.page) ?? 1 });
  return { ...parsed, pageSize: 100 };
}
