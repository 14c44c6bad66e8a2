"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/store";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-token-store";
import { sessionActor } from "@/lib/auth/audit-actor";
import { requireUser } from "@/lib/auth/guard";
import { NewTokenInput } from "@/lib/auth/schemas";
import { publicError } from "@/lib/errors";
import type { RevokeState, TokenFormState } from "./form-state";

/** Any role creates tokens for themselves, with a role no higher than their own. */
export async function createTokenAction(
  previous: TokenFormState,
  formData: FormData,
): Promise<TokenFormState> {
  const session = await requireUser("viewer");
  const attempt = previous.attempt + 1;
  const parsed = NewTokenInput.safeParse({
    name: formData.get("name"),
    role: formData.get("role"),
    lifetime: formData.get("lifetime"),
  });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the form.";
    return { message, created: null, attempt };
  }

  try {
    const { token, view } = await createApiToken(session.user, parsed.data);
    await recordAudit({
      action: "token.created",
      actor: await sessionActor(session),
      target: view.name,
      details: {
        tokenId: view.id,
        role: view.role,
        expiresAt: view.expiresAt?.toISOString() ?? null,
      },
    });
    revalidatePath("/settings/tokens");
    return { message: null, created: { name: view.name, token }, attempt };
  } catch (error) {
    return { message: publicError(error).message, created: null, attempt };
  }
}

/** Owners revoke their own tokens; admins revoke anyone's (the store enforces both). */
export async function revokeTokenAction(
  tokenId: string,
  _previous: RevokeState,
  _formData: FormData,
): Promise<RevokeState> {
  const session = await requireUser("viewer");
  const id = z.uuid().safeParse(tokenId);
  if (!id.success) return { error: "That token does not exist." };

  try {
    const { view, revoked } = await revokeApiToken(id.data, session.user);
    if (!revoked) return { error: "That token was already revoked." };
    await recordAudit({
      action: "token.revoked",
      actor: await sessionActor(session),
      target: view.name,
      details: { tokenId: view.id, owner: view.owner.email },
    });
  } catch (error) {
    return { error: publicError(error).message };
  }
  revalidatePath("/settings/tokens");
  return { error: null };
}
