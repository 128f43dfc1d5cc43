import "server-only";

/**
 * API tokens for pipelines: `hr_` + 32 random bytes (base64url, 256 bits), so a SHA-256 of the
 * token is as good as a slow hash (nobody can guess a preimage of 256 random bits) and lets a
 * request be matched by index. Only the hash is stored; the token is shown once.
 */
import { createHash, randomBytes } from "node:crypto";

import type { DbClient } from "@/lib/db/client";
import { tokenRole, type Principal, type Role, type TokenScope } from "@/lib/policy";

export const TOKEN_PREFIX = "hr_";
/** Shown in lists to tell tokens apart: the prefix and 6 characters (36 bits, not enough to use). */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;
/** `lastUsedAt` is written at most once a minute per token, so busy pipelines do not write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  role: Role;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Creates a token for `creator` (a signed-in user); returns the token itself, which is never stored. */
export async function createApiToken(
  db: DbClient,
  creator: Extract<Principal, { kind: "user" }>,
  input: { name: string; scope: TokenScope; expiresInDays: number; now?: Date },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const row = await db.apiToken.create({
    data: {
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, SHOWN_CHARS),
      scope: input.scope,
      role: tokenRole(creator.role, input.scope),
      createdById: creator.id,
      expiresAt,
    },
    select: { id: true },
  });
  return { token, id: row.id, expiresAt };
}

/** Every token, newest first, with its creator's e-mail. */
export async function listApiTokens(db: DbClient): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({ orderBy: { createdAt: "desc" }, include: { createdBy: { select: { email: true } } } });
  return rows.map(({ tokenHash: _hash, createdById: _creator, createdBy, ...row }) => ({ ...row, createdBy: createdBy.email }));
}

/** Revokes a token; false when there is no such live token. */
export async function revokeApiToken(db: DbClient, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/**
 * The principal a bearer token stands for, or null when it is unknown, expired or revoked
 * (all answered alike: 401). Records the time it was used.
 */
export async function principalForToken(db: DbClient, token: string, now = new Date()): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { kind: "token", id: row.id, name: row.name, role: row.role, scope: row.scope };
}
