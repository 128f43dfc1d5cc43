import "server-only";

/**
 * Who is asking: the one function that turns a request's headers into a {@link Principal} —
 * an `Authorization: Bearer hr_…` API token, or better-auth's session cookie. Pages
 * (page-data.ts), server actions (with-ready-db.ts) and route handlers (lib/api/route.ts) all
 * call it and then ask lib/policy.
 */
import type { DbClient } from "@/lib/db/client";
import type { Db } from "@/lib/db/client";
import { ROLES, type Principal, type Role } from "@/lib/policy";

import { principalForToken } from "./api-tokens";
import { authFor } from "./auth";

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

function asRole(value: unknown): Role {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : "viewer";
}

/**
 * The principal of a request, or null when it carries no valid credentials. A request with a
 * bearer token is judged by the token alone (a bad token is anonymous even with a session cookie).
 */
export async function principalFromHeaders(prisma: Db["prisma"], headers: Headers): Promise<Principal | null> {
  const token = bearerToken(headers);
  if (token !== null || headers.has("authorization")) return token === null ? null : principalForToken(prisma as DbClient, token);
  const session = await authFor(prisma).api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: asRole((user as { role?: unknown }).role) };
}
