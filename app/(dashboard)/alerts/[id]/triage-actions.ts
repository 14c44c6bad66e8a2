"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addComment, applyTriage } from "@/lib/alerts/triage";
import { CommentInput, TriageChange } from "@/lib/alerts/triage-schemas";
import { recordAudit } from "@/lib/audit/store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import { publicError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { parseAlertId } from "./alert-id";
import type { TriageFormState } from "./triage-state";

const log = logger("web-triage");

const Form = z.object({
  status: z.string().optional(),
  classification: z.string().optional(),
  note: z.string().optional(),
  assignee: z.string().optional(),
});

/** Changes one alert's status, classification and assignee; each change goes to its history. */
export async function triageAlert(
  alertId: string,
  previous: TriageFormState,
  formData: FormData,
): Promise<TriageFormState> {
  const session = await requireUser("analyst");
  const attempt = (previous.attempt ?? 0) + 1;
  const id = typeof alertId === "string" ? parseAlertId(alertId) : null;
  if (id === null) return { message: null, error: "That alert does not exist.", attempt };

  const form = Form.parse(textFields(formData, ["status", "classification", "note", "assignee"]));
  const parsed = TriageChange.safeParse({
    status: form.status || undefined,
    classification: form.status === "closed" ? form.classification || undefined : undefined,
    note: form.note || undefined,
    assignee: form.assignee ?? undefined,
  });
  if (!parsed.success) {
    return { message: null, error: parsed.error.issues[0]?.message ?? "Check the form.", attempt };
  }

  try {
    await applyTriage({ ids: [id] }, parsed.data, session.user.email);
  } catch (error) {
    log.error({ err: error, alertId: String(id) }, "alert not triaged");
    return { message: null, error: publicError(error).message, attempt };
  }
  await recordAudit({
    action: "alerts.triaged",
    actor: await sessionActor(session),
    target: `alert ${id}`,
    details: { count: 1, status: parsed.data.status ?? null },
  });
  revalidatePath(`/alerts/${id}`);
  return { message: "Saved.", error: null, attempt };
}

/** Adds a comment to one alert, signed with the user's email. */
export async function commentOnAlert(
  alertId: string,
  previous: TriageFormState,
  formData: FormData,
): Promise<TriageFormState> {
  const session = await requireUser("analyst");
  const attempt = (previous.attempt ?? 0) + 1;
  const id = typeof alertId === "string" ? parseAlertId(alertId) : null;
  if (id === null) return { message: null, error: "That alert does not exist.", attempt };

  const parsed = CommentInput.safeParse(textFields(formData, ["body"]));
  if (!parsed.success) {
    return { message: null, error: parsed.error.issues[0]?.message ?? "Check the form.", attempt };
  }
  try {
    await addComment(id, session.user.email, parsed.data.body);
  } catch (error) {
    return { message: null, error: publicError(error).message, attempt };
  }
  revalidatePath(`/alerts/${id}`);
  return { message: "Comment added.", error: null, attempt };
}

function textFields(formData: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out;
}
