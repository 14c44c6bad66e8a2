"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AlertFilter } from "@/lib/alerts/schemas";
import { applyTriage, countTarget, type TriageTarget } from "@/lib/alerts/triage";
import { CLASSIFICATIONS, type TriageChange } from "@/lib/alerts/triage-schemas";
import { recordAudit } from "@/lib/audit/store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import type { Session } from "@/lib/auth/session-store";
import { publicError } from "@/lib/errors";
import type { BulkState } from "./bulk-state";

// A page of the table holds at most 200 rows; a selection is never larger.
const Ids = z
  .string()
  .transform((text) => text.split(",").filter((id) => id !== ""))
  .pipe(
    z
      .array(z.string().regex(/^[1-9][0-9]{0,18}$/))
      .min(1, "Select alerts first.")
      .max(200),
  )
  .transform((ids) => ids.map((id) => BigInt(id)));

const Change = z.discriminatedUnion("change", [
  z.object({ change: z.literal("acknowledge") }),
  z.object({
    change: z.literal("close"),
    classification: z.enum(CLASSIFICATIONS, { message: "Choose how to close them." }),
  }),
]);

/** Acknowledges or closes the selected alerts. */
export async function triageSelected(previous: BulkState, formData: FormData): Promise<BulkState> {
  const session = await requireUser("analyst");
  const attempt = (previous.attempt ?? 0) + 1;
  const ids = Ids.safeParse(formData.get("ids") ?? "");
  const change = Change.safeParse(fields(formData));
  if (!ids.success || !change.success) {
    const issue = (ids.error ?? change.error)?.issues[0];
    return failed(issue?.message ?? "Check the selection.", attempt);
  }
  return apply(session, { ids: ids.data }, change.data, attempt);
}

/**
 * Acknowledges or closes every alert matching the filter. The first call counts them and asks
 * for confirmation; the second applies only if the count it confirmed is still the count.
 */
export async function triageMatching(previous: BulkState, formData: FormData): Promise<BulkState> {
  const session = await requireUser("analyst");
  const attempt = (previous.attempt ?? 0) + 1;
  if (formData.get("cancel") !== null) return { ...failed("", attempt), error: null };
  const filterText = formData.get("filter");
  const filter = AlertFilter.safeParse(
    Object.fromEntries(new URLSearchParams(typeof filterText === "string" ? filterText : "")),
  );
  const change = Change.safeParse(fields(formData));
  if (!filter.success) return failed("The filter could not be read; reload the page.", attempt);
  if (!change.success) return failed(change.error.issues[0]?.message ?? "Check the form.", attempt);

  const target = { filter: filter.data };
  const count = await countTarget(target);
  const confirmed = Number(formData.get("confirmed") ?? Number.NaN);
  if (count === 0) return failed("No alerts match this filter any more.", attempt);
  if (confirmed !== count) {
    const pending = { change: change.data.change, classification: "" };
    if (change.data.change === "close") pending.classification = change.data.classification;
    return { confirmCount: count, pending, message: null, error: null, attempt };
  }
  return apply(session, target, change.data, attempt);
}

async function apply(
  session: Session,
  target: TriageTarget,
  change: z.infer<typeof Change>,
  attempt: number,
): Promise<BulkState> {
  const triage: TriageChange =
    change.change === "close"
      ? { status: "closed", classification: change.classification }
      : { status: "acknowledged" };
  let changed: number;
  try {
    changed = await applyTriage(target, triage, session.user.email);
  } catch (error) {
    return failed(publicError(error).message, attempt);
  }
  await recordAudit({
    action: "alerts.triaged",
    actor: await sessionActor(session),
    target: "ids" in target ? `${target.ids.length} selected alerts` : "alerts matching a filter",
    details: { count: changed, status: triage.status ?? null },
  });
  revalidatePath("/alerts");
  const verb = triage.status === "closed" ? "Closed" : "Acknowledged";
  return {
    confirmCount: null,
    pending: null,
    message: `${verb} ${changed} ${changed === 1 ? "alert" : "alerts"}.`,
    error: null,
    attempt,
  };
}

function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["change", "classification"]) {
    const value = formData.get(key);
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out;
}

function failed(error: string, attempt: number): BulkState {
  return { confirmCount: null, pending: null, message: null, error, attempt };
}
