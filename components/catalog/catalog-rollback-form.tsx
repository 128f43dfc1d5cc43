"use client";

import { History } from "lucide-react";
import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { restoreCatalogVersionAction } from "@/lib/actions/catalog";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";

import { FormField, FormMessage } from "./form-field";

/**
 * One action back to an earlier catalog (say, before a bad import): its items are written again as
 * the newest version, so the history keeps both and scenarios priced with either re-price exactly.
 */
export function CatalogRollbackForm({ earlierVersions }: { earlierVersions: readonly string[] }) {
  const [state, action, pending] = useActionState(restoreCatalogVersionAction, INITIAL_FORM_STATE);
  if (earlierVersions.length === 0) return null;
  const errors = state.fieldErrors?.version;
  return (
    <section aria-labelledby="rollback-title" className="flex flex-col gap-3 border-t border-slate-100 pt-4">
      <h3 id="rollback-title" className="text-sm font-semibold text-slate-900">
        Roll back the catalog
      </h3>
      <form action={action} className="flex flex-wrap items-start gap-3">
        <FormField id="rollback-version" label="Earlier version" errors={errors}>
          {(props) => (
            <NativeSelect {...props} name="version" defaultValue={earlierVersions[0]}>
              {earlierVersions.map((version) => (
                <option key={version} value={version}>
                  {version}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <Button type="submit" variant="outline" className="mt-6" disabled={pending}>
          <History aria-hidden />
          {pending ? "Restoring…" : "Make it current again"}
        </Button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}
