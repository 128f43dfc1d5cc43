"use client";

import { useActionState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/forms/form-values";

type ActionButtonProps = {
  /** A server action bound to its target (e.g. `deleteWorkloadAction.bind(null, id)`); it redirects on success. */
  action: () => Promise<FormState>;
  children: ReactNode;
  variant?: "default" | "outline" | "ghost" | "destructive";
  /** Ask first, in a dialog with this title and description. */
  confirm?: { title: string; description: string; confirmLabel: string };
};

/**
 * A button that runs one server action (delete, duplicate, undo), optionally behind a
 * confirmation dialog. A failure shows its message next to the button.
 */
export function ActionButton({ action, children, variant = "outline", confirm }: ActionButtonProps) {
  const [state, run, pending] = useActionState<FormState>(action, INITIAL_FORM_STATE);
  const failure = state.message ? (
    <p role="alert" className="text-xs text-red-700">
      {state.message}
    </p>
  ) : null;
  if (!confirm) {
    return (
      <form action={run} className="inline-flex flex-col gap-1">
        <Button type="submit" size="sm" variant={variant} disabled={pending}>
          {children}
        </Button>
        {failure}
      </form>
    );
  }
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant={variant}>
          {children}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{confirm.title}</DialogTitle>
        <DialogDescription>{confirm.description}</DialogDescription>
        <form action={run} className="mt-6 flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" variant="destructive" disabled={pending}>
            {pending ? "Working…" : confirm.confirmLabel}
          </Button>
        </form>
        {failure}
      </DialogContent>
    </Dialog>
  );
}
