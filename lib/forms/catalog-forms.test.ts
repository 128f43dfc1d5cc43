import { describe, expect, it } from "vitest";

import { ItemPriceOverrideSchema } from "./catalog-forms";

const override = { itemId: "aws:us-east-1:m7i.xlarge", reason: "2026 EDP quote", expectedRevision: "0" };

describe("ItemPriceOverrideSchema", () => {
  it("reads a decimal price", () => {
    expect(ItemPriceOverrideSchema.safeParse({ ...override, priceUsd: " 0.15 " })).toMatchObject({ success: true, data: { priceUsd: 0.15 } });
  });

  it("refuses a hexadecimal price (0x10 is not 16) and a NUL character in the reason, naming the field", () => {
    const parsed = ItemPriceOverrideSchema.safeParse({ ...override, priceUsd: "0x10", reason: "quote\u0000" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["priceUsd", "Enter the price in USD, e.g. 0.15."],
      ["reason", "The reason must not contain NUL characters."],
    ]);
  });
});
