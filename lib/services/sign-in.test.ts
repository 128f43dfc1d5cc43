import { APIError } from "better-auth/api";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { resetSignInLimits, SIGN_IN_LIMITS, signInWithPassword } from "./sign-in";

// Every attempt reaches better-auth, which refuses the password: only the limits are under test.
const signInEmail = vi.hoisted(() => vi.fn());
vi.mock("./auth", () => ({ authFor: () => ({ api: { signInEmail } }) }));
vi.mock("./ready-db", () => ({ onReadyDb: async (_label: string, work: (prisma: unknown) => Promise<unknown>) => ({ ok: true, value: await work({}) }) }));

const from = (address: string) => new Headers({ "x-forwarded-for": `${address}, 10.0.0.1` });

describe("signInWithPassword", () => {
  beforeEach(() => {
    resetSignInLimits();
    signInEmail.mockReset();
    signInEmail.mockRejectedValue(new APIError("UNAUTHORIZED", { message: "Invalid email or password" }));
  });

  it(`allows ${SIGN_IN_LIMITS.perAccount.points} attempts per account, then asks to wait without asking better-auth`, async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await signInWithPassword(from(`192.0.2.${attempt}`), "Ada@Example.com", "wrong")).toEqual({ ok: false, message: "Wrong e-mail or password." });
    }
    // Same account in another case, from yet another address.
    expect(await signInWithPassword(from("198.51.100.7"), "ada@example.com", "right")).toEqual({ ok: false, message: "Too many sign-in attempts. Try again in 15 minutes." });
    expect(signInEmail).toHaveBeenCalledTimes(5);
    // Another account is not affected.
    expect((await signInWithPassword(from("192.0.2.1"), "bo@example.com", "wrong")).ok).toBe(false);
    expect(signInEmail).toHaveBeenCalledTimes(6);
  });

  it(`allows ${SIGN_IN_LIMITS.perAddress.points} attempts per address across accounts`, async () => {
    for (let account = 0; account < 30; account++) {
      expect(await signInWithPassword(from("203.0.113.9"), `user${account}@example.com`, "wrong")).toEqual({ ok: false, message: "Wrong e-mail or password." });
    }
    expect(await signInWithPassword(from("203.0.113.9"), "new@example.com", "wrong")).toEqual({ ok: false, message: "Too many sign-in attempts. Try again in 15 minutes." });
    expect(await signInWithPassword(from("203.0.113.10"), "new2@example.com", "wrong")).toEqual({ ok: false, message: "Wrong e-mail or password." });
  });

  it("signs in when better-auth accepts", async () => {
    signInEmail.mockResolvedValueOnce({ token: "t" });
    expect(await signInWithPassword(from("192.0.2.50"), "ada@example.com", "right")).toEqual({ ok: true });
  });
});
