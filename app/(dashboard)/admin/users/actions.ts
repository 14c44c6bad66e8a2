"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import { hashPassword } from "@/lib/auth/password";
import { Role } from "@/lib/auth/roles";
import { NewUserInput } from "@/lib/auth/schemas";
import { changeRole, createUser, deleteUser } from "@/lib/auth/user-store";
import { publicError } from "@/lib/errors";
import type { NewUserState, RowActionState } from "./form-state";

/** Admins create accounts with a first password that they pass on to the person. */
export async function createUserAction(
  previous: NewUserState,
  formData: FormData,
): Promise<NewUserState> {
  const session = await requireUser("admin");
  const attempt = previous.attempt + 1;
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.slice(0, 254) : "";
  const parsed = NewUserInput.safeParse({
    email: rawEmail,
    role: formData.get("role"),
    password: formData.get("password"),
  });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the form.";
    return { email, message, created: null, attempt };
  }

  try {
    const { password, ...rest } = parsed.data;
    const user = await createUser({ ...rest, passwordHash: await hashPassword(password) });
    await recordAudit({
      action: "user.created",
      actor: await sessionActor(session),
      target: user.email,
      details: { userId: user.id, role: user.role },
    });
    revalidatePath("/admin/users");
    return { email: "", message: null, created: user.email, attempt };
  } catch (error) {
    return { email, message: publicError(error).message, created: null, attempt };
  }
}

export async function changeRoleAction(
  userId: string,
  _previous: RowActionState,
  formData: FormData,
): Promise<RowActionState> {
  const session = await requireUser("admin");
  const id = z.uuid().safeParse(userId);
  const role = Role.safeParse(formData.get("role"));
  if (!id.success || !role.success) return { error: "Choose a role." };

  try {
    const before = await changeRole(id.data, role.data);
    await recordAudit({
      action: "user.role_changed",
      actor: await sessionActor(session),
      target: before.email,
      details: { userId: id.data, from: before.role, to: role.data },
    });
  } catch (error) {
    return { error: publicError(error).message };
  }
  revalidatePath("/admin/users");
  return { error: null };
}

export async function deleteUserAction(
  userId: string,
  _previous: RowActionState,
  _formData: FormData,
): Promise<RowActionState> {
  const session = await requireUser("admin");
  const id = z.uuid().safeParse(userId);
  if (!id.success) return { error: "That user no longer exists." };
  if (id.data === session.user.id) {
    return { error: "You cannot delete your own account; another admin can." };
  }

  try {
    const deleted = await deleteUser(id.data);
    await recordAudit({
      action: "user.deleted",
      actor: await sessionActor(session),
      target: deleted.email,
      details: { userId: deleted.id, role: deleted.role },
    });
  } catch (error) {
    return { error: publicError(error).message };
  }
  revalidatePath("/admin/users");
  return { error: null };
}
