import type { ReactNode } from "react";

import type { FormState } from "@/lib/forms/form-values";

/**
 * A labelled input with its errors in an `aria-live` element linked by `aria-describedby`.
 * `children` receives the props the input needs.
 */
export function FormField({
  id,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: string[] | undefined;
  className?: string;
  children: (input: { id: string; "aria-describedby": string; "aria-invalid": boolean }) => ReactNode;
}) {
  const errorId = `${id}-errors`;
  return (
    <div className={className ?? "flex flex-col gap-1 text-sm"}>
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
        {hint ? <span className="font-normal text-slate-500"> {hint}</span> : null}
      </label>
      {children({ id, "aria-describedby": errorId, "aria-invalid": Boolean(errors?.length) })}
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** A form's outcome: green on success, red otherwise; announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return <p role="status" aria-live="polite" className="sr-only" />;
  return (
    <p role="status" aria-live="polite" className={state.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"}>
      {state.message}
    </p>
  );
}
