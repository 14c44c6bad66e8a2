import { z } from "zod";
import { GROUP_FIELDS, type GroupField } from "@/lib/alerts/grouping";

const GroupBy = z.enum(Object.keys(GROUP_FIELDS) as [GroupField, ...GroupField[]]);

/** `?groupBy=actor|operation|account`; anything else shows the plain table. */
export function parseGroupBy(value: string | string[] | undefined): GroupField | null {
  const parsed = GroupBy.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** The exact filter a group expands to. */
export const GROUP_FILTER: Record<GroupField, string> = {
  actor: "actorIs",
  operation: "operationIs",
  account: "account",
};

export const GROUP_LABELS: Record<GroupField, string> = {
  actor: "Actor",
  operation: "Operation",
  account: "Account",
};
