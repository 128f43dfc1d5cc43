/**
 * The team budget form's schema, shared by the form and its server action: a team, a monthly
 * budget in USD (empty clears it), the revision the editor saw and why. Who is the signed-in
 * user (lib/services/with-ready-db.ts), never a field.
 */
import { z } from "zod";

/** Largest budget accepted: a trillion USD a month is beyond any real team and catches typos of extra zeros. */
const MAX_BUDGET_USD_PER_MONTH = 1e12;

export const TeamBudgetFormSchema = z.object({
  team: z.string({ error: "Choose a team." }).trim().min(1, "Choose a team.").max(100, "Keep the team name under 100 characters."),
  monthlyUsd: z
    .string()
    // Empty clears the budget; "25,000" is read as 25000.
    .transform((text) => (text.trim() === "" ? null : Number(text.trim().replaceAll(",", ""))))
    .pipe(
      z
        .number({ error: "Enter the budget in USD per month, e.g. 25000." })
        .positive("The budget must be more than 0 USD per month (leave it empty to clear it).")
        .max(MAX_BUDGET_USD_PER_MONTH, "That budget is more than a trillion USD per month: check the zeros.")
        .nullable(),
    ),
  previousRevision: z.coerce.number({ error: "Reload the page: the form lost the budget's revision." }).int().min(0),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
});

export type TeamBudgetForm = z.infer<typeof TeamBudgetFormSchema>;
