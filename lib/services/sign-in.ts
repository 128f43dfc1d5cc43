import "server-only";

/**
 * Signing in and out through better-auth, with sign-in attempts limited per account and per
 * client address (rate-limiter-flexible, in this process's memory: a single app process, or
 * one limit per process behind a load balancer).
 */
import { isAPIError } from "better-auth/api";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { authFor } from "./auth";
import { DEMO_PASSWORD, DEMO_USERS, demoModeEnabled } from "./auth-mode";
import { onReadyDb } from "./ready-db";

/**
 * 5 failed-or-not attempts per account per 15 minutes: a person mistyping gets several tries; a
 * guesser gets 480 a day instead of thousands a second (OWASP Authentication Cheat Sheet,
 * "Protect Against Automated Attacks"). Per address: 30 per 15 minutes, so one office behind a
 * NAT can still sign in while one host cannot spray many accounts.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { points: 5, duration: 15 * 60 },
  perAddress: { points: 30, duration: 15 * 60 },
} as const;

type LimitGlobal = { __headroomSignInLimits?: { account: RateLimiterMemory; address: RateLimiterMemory } };
const globalForLimits = globalThis as typeof globalThis & LimitGlobal;

function limiters() {
  return (globalForLimits.__headroomSignInLimits ??= {
    account: new RateLimiterMemory({ keyPrefix: "sign-in-account", ...SIGN_IN_LIMITS.perAccount }),
    address: new RateLimiterMemory({ keyPrefix: "sign-in-address", ...SIGN_IN_LIMITS.perAddress }),
  });
}

/** Resets the limits (tests). */
export function resetSignInLimits(): void {
  globalForLimits.__headroomSignInLimits = undefined;
}

/** The client's address: the first `X-Forwarded-For` hop (set by the reverse proxy), else "local". */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "local";
}

/** Takes one attempt from both limits; the minutes to wait when either is exhausted. */
async function takeAttempt(email: string, address: string): Promise<number | null> {
  const { account, address: byAddress } = limiters();
  try {
    await Promise.all([account.consume(email.toLowerCase()), byAddress.consume(address)]);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
    throw rejection;
  }
}

export type SignInResult = { ok: true } | { ok: false; message: string };

/**
 * Signs in with e-mail and password; the session cookie is set on the response of the server
 * action that calls this (better-auth's nextCookies plugin).
 */
export async function signInWithPassword(headers: Headers, email: string, password: string): Promise<SignInResult> {
  const waitMinutes = await takeAttempt(email, clientAddress(headers));
  if (waitMinutes !== null) return { ok: false, message: `Too many sign-in attempts. Try again in ${waitMinutes} minute${waitMinutes === 1 ? "" : "s"}.` };
  const result = await onReadyDb("sign-in", async (prisma): Promise<SignInResult> => {
    try {
      await authFor(prisma).api.signInEmail({ body: { email, password }, headers });
      return { ok: true };
    } catch (error) {
      if (isAPIError(error) && (error.status === "UNAUTHORIZED" || error.statusCode === 401)) return { ok: false, message: "Wrong e-mail or password." };
      throw error;
    }
  });
  return result.ok ? result.value : { ok: false, message: `Cannot sign in now: ${result.message}` };
}

/** Demo mode only: signs in as the demo user of `role`. */
export async function signInAsDemo(headers: Headers, role: string): Promise<SignInResult> {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!demoModeEnabled() || !user) return { ok: false, message: "Demo accounts are turned off on this server." };
  return signInWithPassword(headers, user.email, DEMO_PASSWORD);
}

/** Ends the session of this request (deletes it and clears the cookie). */
export async function signOut(headers: Headers): Promise<void> {
  await onReadyDb("sign-out", (prisma) => authFor(prisma).api.signOut({ headers }));
}
