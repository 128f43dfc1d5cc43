"use client";

import { useActionState } from "react";

import { FormField, FormMessage } from "@/components/catalog/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createApiTokenAction, type ApiTokenFormState } from "@/lib/actions/admin";
import { MAX_TOKEN_DAYS } from "@/lib/forms/api-token-form";

const INITIAL: ApiTokenFormState = { ok: false };

/** Creates a token; the token itself is shown once, below the form, with how to use it. */
export function ApiTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <form action={action} aria-label="Create an API token" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <FormField id="token-name" label="Name" hint="(what uses it)" errors={errors.name}>
          {(props) => <Input {...props} name="name" placeholder="ci-terraform" defaultValue={state.values?.name ?? ""} autoComplete="off" />}
        </FormField>
        <FormField id="token-scope" label="Scope" errors={errors.scope}>
          {(props) => (
            <NativeSelect {...props} name="scope" defaultValue={state.values?.scope ?? "read"}>
              <option value="read">read (GET only)</option>
              <option value="write">write (your role)</option>
            </NativeSelect>
          )}
        </FormField>
        <FormField id="token-days" label="Expires in" hint="(days)" errors={errors.expiresInDays}>
          {(props) => <Input {...props} name="expiresInDays" inputMode="numeric" defaultValue={state.values?.expiresInDays ?? "90"} max={MAX_TOKEN_DAYS} />}
        </FormField>
        <Button type="submit" className="sm:mt-6" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormMessage state={state} />
      {state.token ? (
        <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
          <label htmlFor="new-token" className="font-medium">
            New token (shown once)
          </label>
          <Input id="new-token" readOnly value={state.token} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
          <p className="text-slate-700">
            Use it as <code className="rounded bg-white px-1">Authorization: Bearer {state.token.slice(0, 9)}…</code> on /api/v1.
          </p>
        </div>
      ) : null}
    </div>
  );
}
