import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldSpec, FormState } from "@/lib/forms/form-values";
import { cn } from "@/lib/utils";

/** An input's id from its name (`spec.stages.0.name` → `f-spec-stages-0-name`). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/** A field's messages, announced politely and linked to the input by `aria-describedby`. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  return (
    <p id={id} aria-live="polite" className="min-h-0 text-xs text-red-700">
      {messages?.join(" ")}
    </p>
  );
}

type FormFieldProps = {
  field: FieldSpec;
  /** The input's full name (its dotted path in the form). */
  name: string;
  /** What the input shows first: the echoed value after a failed submit, else the stored one. */
  defaultValue: string;
  errors: string[] | undefined;
  /** Hide the help text under the input (it stays in the input's `title`). */
  compact?: boolean;
  children?: ReactNode;
};

/**
 * One labelled input built from its {@link FieldSpec}: label with unit, help, and the field's
 * errors (`aria-invalid`, `aria-describedby`).
 */
export function FormField({ field, name, defaultValue, errors, compact = false }: FormFieldProps) {
  const id = fieldId(name);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const invalid = Boolean(errors?.length);
  const describedBy = compact ? errorId : `${helpId} ${errorId}`;
  // What follows every control: its help (unless compact, where it is the title) and its errors.
  const footer = (
    <>
      {compact ? null : (
        <p id={helpId} className="text-xs text-slate-500">
          {field.help}
        </p>
      )}
      <FieldError id={errorId} messages={errors} />
    </>
  );
  const common = { id, name, "aria-invalid": invalid || undefined, "aria-describedby": describedBy, title: compact ? field.help : undefined };

  if (field.type === "checkbox") {
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" {...common} defaultChecked={defaultValue === "on"} className="size-4 rounded border-slate-300" />
          {field.label}
        </label>
        {footer}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {field.label}
        {field.unit ? <span className="font-normal text-slate-500"> ({field.unit})</span> : null}
        {field.optional ? <span className="font-normal text-slate-500"> · optional</span> : null}
      </label>
      {field.type === "select" ? (
        <NativeSelect {...common} defaultValue={defaultValue} aria-invalid={invalid || undefined}>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      ) : field.type === "textarea" ? (
        <Textarea {...common} defaultValue={defaultValue} rows={2} />
      ) : (
        <Input
          {...common}
          type={field.type === "month" ? "month" : "text"}
          inputMode={field.type === "number" ? "decimal" : undefined}
          defaultValue={defaultValue}
          className={cn(invalid && "border-red-500")}
        />
      )}
      {footer}
    </div>
  );
}

/** The form-level message and, after a conflicting save, what the other person changed. */
export function FormStatus({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {state.message ? (
        <div role={state.ok ? "status" : "alert"} className={cn("rounded-md border px-4 py-3 text-sm", state.conflict ? "border-amber-300 bg-amber-50 text-amber-900" : state.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900")}>
          <p className="font-medium">{state.message}</p>
          {state.fieldErrors?.[""] ? <p className="mt-1">{state.fieldErrors[""].join(" ")}</p> : null}
          {state.conflict && state.conflict.changes.length > 0 ? (
            <table aria-label="Changes saved by someone else" className="mt-3 w-full text-left text-xs">
              <thead>
                <tr className="text-amber-800">
                  <th className="py-1 pr-3 font-semibold">Field</th>
                  <th className="py-1 pr-3 font-semibold">When you opened it</th>
                  <th className="py-1 font-semibold">Saved now</th>
                </tr>
              </thead>
              <tbody>
                {state.conflict.changes.map((change) => (
                  <tr key={change.path} className="border-t border-amber-200">
                    <td className="py-1 pr-3">{change.label}</td>
                    <td className="py-1 pr-3 font-mono">{change.before || "—"}</td>
                    <td className="py-1 font-mono">{change.after || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** What an edit form carries for optimistic concurrency; after a conflict, the version now stored. */
export type EditTarget = { id: string; version: number; loaded: string };

/** The hidden inputs of an edit form: the id, the version and the snapshot it was loaded with. */
export function EditFields({ edit, state }: { edit: EditTarget | undefined; state: FormState }) {
  if (!edit) return null;
  return (
    <>
      <input type="hidden" name="id" value={edit.id} />
      <input type="hidden" name="version" value={state.conflict?.version ?? edit.version} />
      <input type="hidden" name="loaded" value={state.conflict?.loaded ?? edit.loaded} />
    </>
  );
}

/** The submit button, with a reminder after a conflict that saving again overwrites. */
export function SubmitRow({ label, pending, state }: { label: string; pending: boolean; state: FormState }) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      {state.conflict ? <span className="text-sm text-amber-800">Saving again replaces their changes with yours.</span> : null}
    </div>
  );
}
