"use server";

/** Signing in and out: the only server actions open to anonymous callers. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { formValues, type FormState } from "@/lib/forms/form-values";
import { SignInFormSchema } from "@/lib/forms/sign-in-form";
import { signInAsDemo, signInWithPassword, signOut } from "@/lib/services/sign-in";

/** Signs in with e-mail and password, then opens the portfolio. */
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = SignInFormSchema.safeParse(values);
  const shown = { email: values.email ?? "" };
  if (!parsed.success) return { ok: false, message: "Fix the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: shown };
  const result = await signInWithPassword(await headers(), parsed.data.email, parsed.data.password);
  if (!result.ok) return { ok: false, message: result.message, values: shown };
  redirect("/");
}

/** Demo mode: signs in as the demo user of the role the button names. */
export async function signInAsDemoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await signInAsDemo(await headers(), String(form.get("role") ?? ""));
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/");
}

/** Ends this browser's session. */
export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
