"use client";

import { useActionState, useState } from "react";

import { FormField, FormMessage } from "@/components/catalog/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setTeamBudgetAction } from "@/lib/actions/budgets";
import { INITIAL_FORM_STATE } from "@/lib/forms/form-values";

/** What the form needs of a team: its latest budget revision (0 when never set) and budget. */
export type BudgetTeam = { team: string; revision: number; monthlyUsd: number | null };

/** Sets or clears a team's monthly budget; the revision read goes along for optimistic concurrency. */
export function BudgetForm({ teams }: { teams: BudgetTeam[] }) {
  const [state, action, pending] = useActionState(setTeamBudgetAction, INITIAL_FORM_STATE);
  const [team, setTeam] = useState(state.values?.team ?? teams[0]?.team ?? "");
  const current = teams.find((candidate) => candidate.team === team);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} aria-label="Set a team budget" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
      <input type="hidden" name="previousRevision" value={current?.revision ?? 0} />
      <FormField id="budget-team" label="Team" errors={errors.team}>
        {(props) => (
          <>
            <Input {...props} name="team" list="budget-teams" value={team} onChange={(event) => setTeam(event.target.value)} autoComplete="off" />
            <datalist id="budget-teams">
              {teams.map((candidate) => (
                <option key={candidate.team} value={candidate.team} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField id="budget-usd" label="Monthly budget (USD)" hint="empty clears it" errors={errors.monthlyUsd}>
        {(props) => <Input {...props} key={`${team}-${current?.monthlyUsd ?? ""}`} name="monthlyUsd" inputMode="decimal" defaultValue={state.values?.monthlyUsd ?? current?.monthlyUsd?.toString() ?? ""} />}
      </FormField>
      <FormField id="budget-reason" label="Why" hint="(optional)" errors={errors.reason}>
        {(props) => <Input {...props} name="reason" defaultValue={state.values?.reason ?? ""} />}
      </FormField>
      <div className="flex flex-col gap-1 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save budget"}
        </Button>
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
