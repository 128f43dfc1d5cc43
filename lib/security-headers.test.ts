import { describe, expect, it } from "vitest";

import nextConfig from "../next.config.js";

/** The headers next.config.js sets on a path, as a plain object (header names lower-cased). */
async function headersFor(path: string): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const matching = rules.filter((rule) => rule.source === "/:path*" || rule.source === path);
  return Object.fromEntries(matching.flatMap((rule) => rule.headers.map((header) => [header.key.toLowerCase(), header.value])));
}

describe("security headers (next.config.js)", () => {
  it("apply to every path, pages and API alike", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    expect(rules.map((rule) => rule.source)).toContain("/:path*");
  });

  it("forbid MIME sniffing, cross-origin referrers with paths, framing and powerful features", async () => {
    const headers = await headersFor("/api/v1/catalog/export");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });
});
