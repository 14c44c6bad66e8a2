"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ZodError, z } from "zod";
import { AllowlistEntryInput } from "@/lib/allowlist/schemas";
import {
  createAllowlistEntry,
  deleteAllowlistEntry,
  getAllowlistEntry,
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
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Creates an entry from the form; on success shows the list with the new entry marked. */
export async function createEntry(
  previous: EntryFormState,
  formData: FormData,
): Promise<EntryFormState> {
  const session = await requireUser("admin");
  const values = readValues(formData);
  const attempt = previous.attempt + 1;
  // A date input gives a day; the entry holds through the end of that day, UTC.
  const expiresAt = DATE_ONLY.test(values.expiresAt)
    ? `${values.expiresAt}T23:59:59.999Z`
    : values.expiresAt;
  const parsed = AllowlistEntryInput.safeParse({ ...values, expiresAt });
  if (!parsed.success) {
    return { values, fieldErrors: fieldErrors(parsed.error), message: null, attempt };
  }

  let id: string;
  try {
    id = (await createAllowlistEntry(parsed.data, session.user.email)).id;
  } catch (error) {
    log.error({ err: error }, "allowlist entry not created");
    return { values, fieldErrors: {}, message: publicError(error).message, attempt };
  }
  await recordAudit({
    action: "allowlist.created",
    actor: await sessionActor(session),
    target: parsed.data.name,
    details: { entryId: id, actorPattern: parsed.data.actorPattern },
  });
  revalidatePath("/", "layout");
  redirect(`/allowlist?created=${id}`);
}

/** Deletes one entry; the alerts it held are re-evaluated by the store. */
export async function deleteEntry(
  id: string,
  _previous: DeleteState,
  _formData: FormData,
): Promise<DeleteState> {
  const session = await requireUser("admin");
  const parsedId = z.uuid().safeParse(id);
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
    const value = formData.get(field);
    return [field, typeof value === "string" ? value : ""] as const;
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
