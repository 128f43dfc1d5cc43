"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { useFileSizeGuard } from "@/components/ui/file-size-guard";
import { FormStatus } from "@/components/workloads/form-field";
import { importWorkloadAction } from "@/lib/actions/workloads";
import { MAX_WORKLOAD_DOCUMENT_BYTES } from "@/lib/forms/upload-limits";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";

/** Uploads a workload document; every problem of a bad file is listed next to the file input. */
export function ImportForm() {
  const [state, formAction, pending] = useActionState(importWorkloadAction, INITIAL_FORM_STATE);
  const tooLarge = useFileSizeGuard("file", MAX_WORKLOAD_DOCUMENT_BYTES);
  const problems = tooLarge.error ? [tooLarge.error] : state.fieldErrors?.file;
  return (
    <form action={formAction} onSubmit={tooLarge.onSubmit} className="grid max-w-2xl gap-4" aria-label="Import a workload profile">
      <FormStatus state={{ ...state, fieldErrors: undefined }} />
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
          Workload file (.json)
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept="application/json,.json"
          aria-invalid={problems ? true : undefined}
          aria-describedby="import-file-help import-file-error"
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p id="import-file-help" className="text-xs text-slate-500">
          A file exported from Headroom (<code>schemaVersion</code> 1): the profile and its scenarios. It is validated in full before anything is written.
        </p>
        <ul id="import-file-error" aria-live="polite" className="list-disc pl-5 text-xs text-red-700">
          {problems?.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import profile"}
        </Button>
      </div>
    </form>
  );
}
