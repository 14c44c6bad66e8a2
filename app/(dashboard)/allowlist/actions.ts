"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ZodError, z } from "zod";
import { parseExpiryDate } from "@/lib/allowlist/expiry-date";
import { previewAllowlistEntry } from "@/lib/allowlist/preview";
import { AllowlistEntryInput } from "@/lib/allowlist/schemas";
import {
  createAllowlistEntry,
  deleteAllowlistEntry,
  getAllowlistEntry,
  setAllowlistEntryEnabled,
  updateAllowlistEntry,
} from "@/lib/allowlist/store";
import { recordAudit } from "@/lib/audit/store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import { publicError } from "@/lib/errors";
import { logger } from "@/lib/log";
import {
  type DeleteState,
  ENTRY_FIELDS,
  type EntryField,
  type EntryFormState,
} from "./entry-form-state";

const log = logger("web-allowlist");
const EntryId = z.uuid();

/**
 * The entry form's one action, submitted twice: "Preview" counts the alerts the entry would
 * suppress, "Save" creates the entry (or updates `entryId`) and opens the list.
 */
export async function saveEntry(
  previous: EntryFormState,
  formData: FormData,
): Promise<EntryFormState> {
  const session = await requireUser("admin");
  const values = readValues(formData);
  const attempt = (previous.attempt ?? 0) + 1;
  const state = { values, fieldErrors: {}, message: null, preview: null, attempt };
  const rawId = formData.get("entryId");
  const entryId = typeof rawId === "string" && rawId !== "" ? EntryId.safeParse(rawId) : null;
  if (entryId && !entryId.success) return { ...state, message: "That entry does not exist." };

  const expiresAt = parseExpiryDate(values.expiresAt);
  const parsed = AllowlistEntryInput.safeParse({ ...values, expiresAt: expiresAt ?? "invalid" });
  if (!parsed.success || expiresAt === null) {
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (expiresAt === null) errors.expiresAt = "Give the expiry as a real date, YYYY-MM-DD.";
    return { ...state, fieldErrors: errors };
  }

  // Saving what was not previewed would hide alerts nobody counted: a changed form is previewed
  // again first.
  const previewed = JSON.stringify(previous.previewedValues) === JSON.stringify(values);
  if (formData.get("intent") !== "save" || !previous.preview || !previewed) {
    const changed = formData.get("intent") === "save";
    try {
      return {
        ...state,
        preview: await previewAllowlistEntry(parsed.data),
        previewedValues: values,
        message: changed
          ? "The entry changed after its preview. Check this preview, then save again."
          : null,
      };
    } catch (error) {
      log.error({ err: error }, "allowlist preview failed");
      return { ...state, message: publicError(error).message };
    }
  }

  let id: string;
  try {
    const by = session.user.email;
    id = entryId
      ? (await updateAllowlistEntry(entryId.data, parsed.data, by)).id
      : (await createAllowlistEntry(parsed.data, by)).id;
  } catch (error) {
    log.error({ err: error }, "allowlist entry not saved");
    return { ...state, message: publicError(error).message };
  }
  await recordAudit({
    action: entryId ? "allowlist.updated" : "allowlist.created",
    actor: await sessionActor(session),
    target: parsed.data.name,
    details: { entryId: id, actorPattern: parsed.data.actorPattern },
  });
  revalidatePath("/", "layout");
  redirect(`/allowlist?${entryId ? "updated" : "created"}=${id}`);
}

/** Turns an entry on or off; the store re-evaluates every alert both ways. */
export async function setEntryEnabled(
  id: string,
  enabled: boolean,
  _previous: DeleteState,
  _formData: FormData,
): Promise<DeleteState> {
  const session = await requireUser("admin");
  const parsedId = EntryId.safeParse(id);
  if (!parsedId.success || typeof enabled !== "boolean") {
    return { error: "That allowlist entry does not exist." };
  }

  let name: string | undefined;
  try {
    name = (await getAllowlistEntry(parsedId.data))?.name;
    await setAllowlistEntryEnabled(parsedId.data, enabled, session.user.email);
  } catch (error) {
    log.error({ err: error, entryId: parsedId.data }, "allowlist entry not switched");
    return { error: publicError(error).message };
  }
  await recordAudit({
    action: enabled ? "allowlist.enabled" : "allowlist.disabled",
    actor: await sessionActor(session),
    target: name ?? parsedId.data,
    details: { entryId: parsedId.data },
  });
  revalidatePath("/", "layout");
  return { error: null };
}

/** Deletes one entry; the alerts it held are re-evaluated by the store. */
export async function deleteEntry(
  id: string,
  _previous: DeleteState,
  _formData: FormData,
): Promise<DeleteState> {
  const session = await requireUser("admin");
  const parsedId = EntryId.safeParse(id);
  if (!parsedId.success) return { error: "That allowlist entry does not exist." };

  let name: string | undefined;
  try {
    name = (await getAllowlistEntry(parsedId.data))?.name;
    await deleteAllowlistEntry(parsedId.data, session.user.email);
  } catch (error) {
    log.error({ err: error, entryId: parsedId.data }, "allowlist entry not deleted");
    return { error: publicError(error).message };
  }
  await recordAudit({
    action: "allowlist.deleted",
    actor: await sessionActor(session),
    target: name ?? parsedId.data,
    details: { entryId: parsedId.data },
  });
  revalidatePath("/", "layout");
  return { error: null };
}

function readValues(formData: FormData): Record<EntryField, string> {
  const entries = ENTRY_FIELDS.map((field) => {
    const texts = formData.getAll(field).filter((v): v is string => typeof v === "string");
    // Sources arrive as one checkbox each; the schema reads a comma-separated list.
    return [field, texts.join(",")] as const;
  });
  return Object.fromEntries(entries) as Record<EntryField, string>;
}

function fieldErrors(error: ZodError): Partial<Record<EntryField, string>> {
  const errors: Partial<Record<EntryField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !isEntryField(field) || errors[field]) continue;
    errors[field] = issue.message;
  }
  return errors;
}

function isEntryField(value: string): value is EntryField {
  return (ENTRY_FIELDS as readonly string[]).includes(value);
}
