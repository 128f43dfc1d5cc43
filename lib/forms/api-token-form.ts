/** The API token form's schema, shared by the admin page's form and its server action. */
import { z } from "zod";

/** Longest a token may live: a year, so a forgotten CI secret expires on its own. */
export const MAX_TOKEN_DAYS = 365;

export const ApiTokenFormSchema = z.object({
  name: z.string({ error: "Name the token after its use, e.g. ci-terraform." }).trim().min(1, "Name the token after its use, e.g. ci-terraform.").max(100, "Keep the name under 100 characters."),
  scope: z.enum(["read", "write"], { error: "Choose read or write." }),
  expiresInDays: z.coerce
    .number({ error: `Enter a number of days from 1 to ${MAX_TOKEN_DAYS}.` })
    .int(`Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}.`)
    .min(1, `Enter a number of days from 1 to ${MAX_TOKEN_DAYS}.`)
    .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days.`),
});
