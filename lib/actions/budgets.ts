"use server";

/** FinOps sets a team's monthly budget from the dashboard; the dashboard then shows when it is crossed. */
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { formatDateTime, formatUsd } from "@/lib/format";
import { TeamBudgetFormSchema } from "@/lib/forms/budget-form";
import { formValues, type FormState } from "@/lib/forms/form-values";
import { principalLabel } from "@/lib/policy";
import { setTeamBudget } from "@/lib/services/budgets";
import { withReadyDb } from "@/lib/services/with-ready-db";

export async function setTeamBudgetAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = TeamBudgetFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Fix the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
  const input = parsed.data;
  const result = await withReadyDb({ permission: "finops.write", target: `budget:${input.team}`, detail: { monthlyUsd: input.monthlyUsd, reason: input.reason } }, async (db, actor, audit) => {
    const outcome = await setTeamBudget(db, { ...input, actor: principalLabel(actor) });
    audit.before = { revision: input.previousRevision };
    if (outcome.kind === "ok") audit.after = { revision: outcome.revision, monthlyUsd: input.monthlyUsd };
    return outcome;
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  if (result.value.kind === "conflict") {
    const { latest } = result.value;
    return {
      ok: false,
      values,
      message: latest
        ? `${latest.actor} changed ${input.team}'s budget at ${formatDateTime(latest.changedAt)} (revision ${latest.revision}) after you loaded the page. Reload to see it, then apply yours again if it is still needed.`
        : "Someone changed this budget after you loaded the page. Reload and try again.",
    };
  }
  revalidatePath("/");
  return { ok: true, message: input.monthlyUsd === null ? `Budget for ${input.team} cleared.` : `Budget for ${input.team} set to ${formatUsd(input.monthlyUsd)} per month (revision ${result.value.revision}).` };
}
