import "server-only";

import { connection } from "next/server";
import type { DbClient } from "@/lib/db/client";
import { onReadyDb } from "./ready-db";

/** What a page got from the database: its data, or why the database could not answer. */
export type PageData<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * Runs a page's queries against the ready database. An unreachable database becomes a designed
 * state with a message safe to show (production hides thrown messages behind a digest);
 * any other error still throws to the route's error boundary.
 */
export async function loadPageData<T>(load: (db: DbClient) => Promise<T>): Promise<PageData<T>> {
  // Database reads are per request: never prerender them at build time.
  await connection();
  const result = await onReadyDb("page", load);
  return result.ok ? { ok: true, data: result.value } : result;
}
