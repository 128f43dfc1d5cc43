import { describe, expect, it } from "vitest";

import { authConfigProblem, demoModeEnabled } from "./auth-mode";

const SECRET = "x".repeat(32);

describe("demoModeEnabled", () => {
  it("is on for the embedded database and off for PostgreSQL unless HEADROOM_DEMO says otherwise", () => {
    expect(demoModeEnabled({})).toBe(true);
    expect(demoModeEnabled({ DATABASE_URL: "postgresql://h/db" })).toBe(false);
    expect(demoModeEnabled({ DATABASE_URL: "postgresql://h/db", HEADROOM_DEMO: "1" })).toBe(true);
    expect(demoModeEnabled({ HEADROOM_DEMO: "off" })).toBe(false);
  });
});

describe("authConfigProblem", () => {
  it("lets demo mode start without a secret", () => {
    expect(authConfigProblem({})).toBeNull();
  });

  it("refuses production without a long secret or a public URL", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://h/db" };
    expect(authConfigProblem(production)).toMatch(/^BETTER_AUTH_SECRET must be set/);
    expect(authConfigProblem({ ...production, BETTER_AUTH_SECRET: "short" })).toMatch(/^BETTER_AUTH_SECRET must be set/);
    expect(authConfigProblem({ ...production, BETTER_AUTH_SECRET: SECRET })).toMatch(/^BETTER_AUTH_URL must be set/);
    expect(authConfigProblem({ ...production, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "https://headroom.example.com" })).toBeNull();
  });
});
