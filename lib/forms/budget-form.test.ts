import { describe, expect, it } from "vitest";
import { z } from "zod";

import { TeamBudgetFormSchema } from "./budget-form";

// A submitted "actor" is not a field any more: the signed-in user is recorded instead, and a typed name is dropped.
const form = (monthlyUsd: string) => ({ team: " Data Platform ", monthlyUsd, previousRevision: "3", reason: "", actor: "Mallory" });

describe("TeamBudgetFormSchema", () => {
  it("reads a budget with thousands separators as USD per month", () => {
    expect(TeamBudgetFormSchema.parse(form("25,000.50"))).toEqual({ team: "Data Platform", monthlyUsd: 25000.5, previousRevision: 3, reason: "" });
  });

  it("reads an empty budget as clearing it", () => {
    expect(TeamBudgetFormSchema.parse(form("  ")).monthlyUsd).toBeNull();
  });

  it.each([
    ["-5", "more than 0 USD per month"],
    ["0", "more than 0 USD per month"],
    ["lots", "Enter the budget in USD per month"],
    ["2e12", "more than a trillion"],
  ])("rejects %s with a message on the budget field", (monthlyUsd, message) => {
    const result = TeamBudgetFormSchema.safeParse(form(monthlyUsd));
    expect(result.success).toBe(false);
    if (!result.success) expect(z.flattenError(result.error).fieldErrors.monthlyUsd?.join(" ")).toContain(message);
  });
});
