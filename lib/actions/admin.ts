"use server";

/** Admin actions: API tokens (created shown once, revoked for good). */
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { ApiTokenFormSchema } from "@/lib/forms/api-token-form";
import { formValues, type FormState } from "@/lib/forms/form-values";
import { IdSchema } from "@/lib/entities/ids";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { withReadyDb } from "@/lib/services/with-ready-db";

/** A created token comes back once, in this state, and is never shown again. */
export type ApiTokenFormState = FormState & { token?: string };

const TOKENS_PATH = "/admin/tokens";

export async function createApiTokenAction(_prev: ApiTokenFormState, form: FormData): Promise<ApiTokenFormState> {
  const values = formValues(form);
  const parsed = ApiTokenFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Fix the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
  const input = parsed.data;
  const result = await withReadyDb({ permission: "admin", target: "api-token:new", detail: input }, async (db, actor, audit) => {
    if (actor.kind !== "user") return null;
    const created = await createApiToken(db, actor, input);
    audit.after = { id: created.id, scope: input.scope, expiresAt: created.expiresAt };
    return created;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  if (!result.value) return { ok: false, message: "Only a signed-in admin can create tokens, not another token.", values };
  revalidatePath(TOKENS_PATH);
  return { ok: true, message: `Token “${input.name}” created. Copy it now: it is not shown again.`, token: result.value.token };
}

export async function revokeApiTokenAction(id: string): Promise<FormState> {
  if (!IdSchema.safeParse(id).success) return { ok: false, message: "No such token." };
  const result = await withReadyDb({ permission: "admin", target: `api-token:${id}`, detail: { change: "revoke" } }, (db) => revokeApiToken(db, id));
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(TOKENS_PATH);
  // No message on success: the list, revalidated, shows the token as revoked.
  return result.value ? { ok: true } : { ok: false, message: "This token was already revoked." };
}
