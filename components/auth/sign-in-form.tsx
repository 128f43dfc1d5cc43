"use client";

import { useActionState } from "react";

import { FormField, FormMessage } from "@/components/catalog/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { signInAction, signInAsDemoAction } from "@/lib/actions/auth";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";

/** E-mail and password; errors and rate-limit messages come back from the server action. */
export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, INITIAL_FORM_STATE);
  return (
    <form action={action} aria-label="Sign in" className="flex flex-col gap-3">
      <FormField id="sign-in-email" label="E-mail" errors={state.fieldErrors?.email}>
        {(props) => <Input {...props} name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ""} />}
      </FormField>
      <FormField id="sign-in-password" label="Password" errors={state.fieldErrors?.password}>
        {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Demo mode's one-click sign-in, one button per demo user. */
export function DemoSignIn({ users, password }: { users: readonly { role: string; email: string; name: string }[]; password: string }) {
  const [state, action, pending] = useActionState(signInAsDemoAction, INITIAL_FORM_STATE);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">
        This server runs in demo mode: every demo account’s password is <code className="rounded bg-slate-100 px-1">{password}</code>.
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {users.map((user) => (
          <li key={user.role}>
            <form action={action}>
              <input type="hidden" name="role" value={user.role} />
              <Button type="submit" variant="outline" className="w-full justify-start" disabled={pending}>
                Sign in as demo {user.role}
              </Button>
              <p className="mt-1 truncate text-xs text-slate-500">{user.email}</p>
            </form>
          </li>
        ))}
      </ul>
      <FormMessage state={state} />
    </div>
  );
}
