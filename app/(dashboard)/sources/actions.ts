"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import type { Session } from "@/lib/auth/session-store";
import { AppError, publicError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { changedSettings, savedSourceDetails, secretsNeededAgain } from "@/lib/pull/source-changes";
import { draftFromForm, FORM_FIELDS, type FormValues, valuesToShow } from "@/lib/pull/source-form";
import {
  createSource,
  deleteSource,
  getSource,
  requestRun,
  setSourceEnabled,
  updateSource,
} from "@/lib/pull/source-store";
import type { ActionState, SourceFormState } from "./form-state";

const log = logger("web-sources");
const MISSING = "That source no longer exists.";

/**
 * Adds a source (no `sourceId` in the form) or saves an edited one; shows the source page on
 * success. The id travels as a form field, not as a bound argument: a form posted without
 * JavaScript is answered by a server render, and React cannot finish rendering an action bound
 * in the browser's component during that render.
 */
export async function saveSource(
  previous: SourceFormState,
  formData: FormData,
): Promise<SourceFormState> {
  const session = await requireUser("admin");
  const sourceId = readSourceId(formData);
  const values = readValues(formData);
  const shown = valuesToShow(values);
  const attempt = previous.attempt + 1;
  const parsed = draftFromForm(values);
  if (!parsed.ok) return { values: shown, fieldErrors: parsed.fieldErrors, message: null, attempt };

  let id: string;
  let changed: string[] = [];
  try {
    if (sourceId === null) {
      id = await createSource({ ...parsed.draft, enabled: true }, session.user.email);
    } else {
      const parsedId = z.uuid().safeParse(sourceId);
      const current = parsedId.success ? await getSource(parsedId.data) : null;
      if (!current) return { values: shown, fieldErrors: {}, message: MISSING, attempt };
      const needed = secretsNeededAgain(
        changedSettings(current.settings, parsed.draft.settings),
        parsed.draft.settings,
        parsed.draft.secrets,
      );
      if (needed) {
        const fieldErrors = Object.fromEntries(needed.fields.map((f) => [f, needed.message]));
        return { values: shown, fieldErrors, message: needed.message, attempt };
      }
      id = current.id;
      changed = await updateSource(id, { ...parsed.draft, enabled: current.enabled });
    }
  } catch (error) {
    log.error({ err: error, sourceId }, "source not saved");
    return { values: shown, fieldErrors: {}, message: publicError(error).message, attempt };
  }
  await audit(
    session,
    sourceId === null ? "source.created" : "source.updated",
    id,
    savedSourceDetails(parsed.draft.settings, parsed.draft.secrets, sourceId ? changed : null),
  );
  revalidatePath("/sources");
  redirect(`/sources/${id}?saved=1`);
}

/** "Run now": the scheduler starts the run within seconds. */
export async function runNow(sourceId: string, _previous: ActionState): Promise<ActionState> {
  return act(sourceId, "source.run_requested", requestRun);
}

export async function pauseSource(sourceId: string, _previous: ActionState): Promise<ActionState> {
  return act(sourceId, "source.paused", (id) => setSourceEnabled(id, false));
}

export async function resumeSource(sourceId: string, _previous: ActionState): Promise<ActionState> {
  return act(sourceId, "source.resumed", (id) => setSourceEnabled(id, true));
}

/** Deletes a source with its history; the events it stored stay. */
export async function removeSource(sourceId: string, _previous: ActionState): Promise<ActionState> {
  const result = await act(sourceId, "source.deleted", deleteSource);
  if (result.error) return result;
  redirect("/sources");
}

async function act(
  sourceId: string,
  action: AuditAction,
  work: (id: string) => Promise<void>,
): Promise<ActionState> {
  const session = await requireUser("admin");
  const id = z.uuid().safeParse(sourceId);
  if (!id.success) return { error: MISSING };
  const name = (await getSource(id.data))?.name;
  try {
    await work(id.data);
  } catch (error) {
    // A refusal the admin is told about (a running source, a missing one) is no fault.
    const level = error instanceof AppError ? "warn" : "error";
    log[level]({ err: error, sourceId: id.data, action }, "source action failed");
    return { error: publicError(error).message };
  }
  await audit(session, action, id.data, { name: name ?? null });
  revalidatePath("/sources");
  revalidatePath(`/sources/${id.data}`);
  return { error: null };
}

async function audit(
  session: Session,
  action: AuditAction,
  sourceId: string,
  details: Record<string, string | number | boolean | null>,
): Promise<void> {
  await recordAudit({
    action,
    actor: await sessionActor(session),
    target: sourceId,
    details: { sourceId, ...details },
  });
}

function readSourceId(formData: FormData): string | null {
  const value = formData.get("sourceId");
  return typeof value === "string" && value !== "" ? value : null;
}

function readValues(formData: FormData): FormValues {
  const entries = FORM_FIELDS.map((field) => {
    if (field === "tables") return [field, formData.getAll(field).join(",")] as const;
    // A field sent twice is not one answer: it reads as empty, and its check says what to give.
    const all = formData.getAll(field);
    const value = all.length === 1 ? all[0] : "";
    return [field, typeof value === "string" ? value : ""] as const;
  });
  return Object.fromEntries(entries) as FormValues;
}
