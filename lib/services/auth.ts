import "server-only";

/**
 * Accounts through better-auth, on the app's own database (its Prisma adapter, so the tables live
 * in prisma/schema.prisma and its migrations). Email + password with better-auth's hashing
 * (scrypt); sessions in the `Session` table behind an HttpOnly, SameSite=Lax cookie that is Secure
 * when the public URL is https. Sign-up is closed: admins and `npm run admin:create` add people.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";

import type { Db } from "@/lib/db/client";
import { ROLES, type Role } from "@/lib/policy";

import { authSecret, publicUrl } from "./auth-mode";

/** Sessions last a week and are renewed at most daily while used (better-auth's defaults, stated). */
const SESSION_SECONDS = 7 * 24 * 3600;
/**
 * How long a signed copy of the session in a cookie answers without a database lookup. A minute:
 * most page loads skip the query (PGlite serves one query at a time), and a session deleted
 * elsewhere (another browser's sign-out) stops working within a minute; this browser's sign-out
 * clears the cookie at once.
 */
const SESSION_COOKIE_CACHE_SECONDS = 60;

function configure(prisma: Db["prisma"]) {
  const baseURL = publicUrl();
  return betterAuth({
    appName: "Headroom",
    secret: authSecret(),
    ...(baseURL ? { baseURL } : {}),
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: false }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    user: {
      additionalFields: {
        // Read by lib/policy; never settable through better-auth's own endpoints.
        role: { type: [...ROLES], required: false, defaultValue: "viewer", input: false },
      },
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 3600, cookieCache: { enabled: true, maxAge: SESSION_COOKIE_CACHE_SECONDS } },
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    // Sets cookies from server actions (sign-in and sign-out are server actions).
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof configure>;

type AuthGlobal = { __headroomAuth?: { prisma: Db["prisma"]; auth: Auth } };
const globalForAuth = globalThis as typeof globalThis & AuthGlobal;

/** better-auth bound to `prisma` (one instance per client, kept across dev-server reloads). */
export function authFor(prisma: Db["prisma"]): Auth {
  const cached = globalForAuth.__headroomAuth;
  if (cached?.prisma === prisma) return cached.auth;
  const auth = configure(prisma);
  globalForAuth.__headroomAuth = { prisma, auth };
  return auth;
}

/**
 * Creates a user who signs in with `password` (hashed by better-auth), or does nothing when the
 * e-mail is taken. Used by the demo seed and `npm run admin:create`.
 */
export async function createPasswordUser(
  prisma: Db["prisma"],
  input: { email: string; name: string; password: string; role: Role },
): Promise<{ created: boolean; userId: string }> {
  const context = await authFor(prisma).$context;
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { created: false, userId: existing.id };
  const passwordError = input.password.length < 12 ? "The password must be at least 12 characters." : null;
  if (passwordError) throw new Error(passwordError);
  const hash = await context.password.hash(input.password);
  const user = await context.internalAdapter.createUser({ email, name: input.name.trim(), emailVerified: true, role: input.role }, { method: "admin" });
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  return { created: true, userId: user.id };
}
