import "server-only";

import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { connection } from "next/server";

import type { DbClient } from "@/lib/db/client";
import { can, refusalMessage, type Permission, type Principal } from "@/lib/policy";

import { principalFromHeaders } from "./principal";
import { onReadyDb, type ReadyDbResult } from "./ready-db";

/** Where anonymous visitors are sent. */
export const SIGN_IN_PATH = "/sign-in";

/** What a page got from the database: its data and who is looking, or why the database could not answer. */
export type PageData<T> = { ok: true; data: T; principal: Principal } | { ok: false; message: string };

/**
 * Runs a page's queries against the ready database for a signed-in caller (session cookie or API
 * token) whom lib/policy lets `read`; an anonymous caller is sent to the sign-in page. An
 * unreachable database becomes a designed state with a message safe to show (production hides
 * thrown messages behind a digest); any other error still throws to the route's error boundary.
 */
export async function loadPageData<T>(load: (db: DbClient, principal: Principal) => Promise<T>): Promise<PageData<T>> {
  // Database reads are per request: never prerender them at build time.
  await connection();
  const caller = await requestPrincipal();
  if (!caller.ok) return caller;
  const principal = caller.value;
  if (!principal || !can(principal, "read")) redirect(SIGN_IN_PATH);
  const result = await onReadyDb("page", (db) => load(db, principal));
  return result.ok ? { ok: true, data: result.value, principal } : result;
}

/** A page's permission check: who is looking, and the sentence to show when they may not `permission`. */
export type PageAccess = { ok: true; principal: Principal; refusal: string | null } | { ok: false; message: string };

/**
 * For pages that need no data but a permission (a "new workload" form): who is looking and
 * whether lib/policy lets them `permission`; anonymous callers go to the sign-in page.
 */
export async function loadPageAccess(permission: Permission): Promise<PageAccess> {
  const result = await loadPageData(async () => null);
  if (!result.ok) return result;
  const { principal } = result;
  return { ok: true, principal, refusal: can(principal, permission) ? null : refusalMessage(principal, permission) };
}

/**
 * The caller of this request, resolved once per request (React `cache`): the page and the shell's
 * account panel share one session lookup.
 */
const requestPrincipal = cache(async (): Promise<ReadyDbResult<Principal | null>> => {
  const requestHeaders = await headers();
  return onReadyDb("session", (db) => principalFromHeaders(db, requestHeaders));
});

/** The caller of this request, or null (anonymous, or the database cannot say): for the shell. */
export async function currentPrincipal(): Promise<Principal | null> {
  const caller = await requestPrincipal();
  return caller.ok ? caller.value : null;
}
