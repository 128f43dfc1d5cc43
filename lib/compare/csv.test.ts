import { describe, expect, it } from "vitest";

import { comparisonCsv } from "./csv";
import { compareKpis, type CompareEntry } from "./kpis";
import { pricedPlanFixture } from "./testing/plan-fixture";

const entries: CompareEntry[] = [
  { scenarioId: "a", scenarioName: "Base, on-demand", workloadId: "w", workloadName: "Clickstream", computed: pricedPlanFixture({ months: [{ totalUsdPerMonth: 1000 }, { totalUsdPerMonth: 1000 }] }) },
  { scenarioId: "b", scenarioName: "Spot", workloadId: "w", workloadName: "Clickstream", computed: pricedPlanFixture({ months: [{ totalUsdPerMonth: 750 }, { totalUsdPerMonth: 750 }] }) },
];

/** Splits one CSV line into fields (RFC 4180 quoting). */
function fields(line: string): string[] {
  return [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(([, field = ""]) => (field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field));
}

describe("comparisonCsv", () => {
  const csv = comparisonCsv(entries, compareKpis(entries), [{ topic: "Purchase mix", values: ["all on-demand", "50 % spot"] }]);
  const lines = csv.trimEnd().split("\r\n");

  it("quotes names with commas and marks the baseline", () => {
    expect(fields(lines[0] ?? "")[2]).toBe("Clickstream / Base, on-demand (baseline): value");
  });

  it("writes unrounded figures and deltas: 750 − 1,000 = −250, −25 %", () => {
    const month0 = fields(lines.find((line) => line.startsWith("Month-0")) ?? "");
    expect(month0.slice(0, 3)).toEqual(["Month-0 monthly total", "USD/month", "1000"]);
    expect(month0.slice(8, 11)).toEqual(["750", "-250", "-25"]);
    expect(month0.at(-1)).toBe("Clickstream / Spot");
    const horizon = fields(lines.find((line) => line.startsWith("Horizon")) ?? "");
    expect(horizon.slice(8, 11)).toEqual(["1500", "-500", "-25"]);
  });

  it("neutralises names a spreadsheet would run as a formula, and keeps negative deltas numeric", () => {
    const hostile = entries.map((entry, index) => (index === 1 ? { ...entry, scenarioName: "Spot", workloadName: "=HYPERLINK(\"http://evil.example\")" } : entry));
    const hostileLines = comparisonCsv(hostile, compareKpis(hostile), []).trimEnd().split("\r\n");
    expect(fields(hostileLines[0] ?? "")[8]).toBe("'=HYPERLINK(\"http://evil.example\") / Spot: value");
    const month0 = fields(hostileLines.find((line) => line.startsWith("Month-0")) ?? "");
    expect(month0.slice(9, 11)).toEqual(["-250", "-25"]);
    expect(month0.at(-1)).toBe("'=HYPERLINK(\"http://evil.example\") / Spot");
  });

  it("ends with the inputs that differ", () => {
    expect(fields(lines.at(-1) ?? "").filter(Boolean)).toEqual(["input: Purchase mix", "all on-demand", "50 % spot"]);
  });
});
