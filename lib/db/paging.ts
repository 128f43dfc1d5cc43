/** Paging and search helpers of the list queries. */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/entities/list-query";

/** Clamps paging input from a URL into range. */
export function normalizePaging(page?: number, pageSize?: number): { page: number; pageSize: number } {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  return { page: Math.max(1, Math.floor(page ?? 1) || 1), pageSize: size };
}

/**
 * Prisma's `contains` becomes `LIKE '%' || value || '%'` without escaping, so `%` and `_` typed
 * into a search box would act as wildcards. Escapes them (and the escape character itself) for
 * PostgreSQL's default LIKE escape, the backslash.
 *
 * @example escapeLike("50%_off") //=> "50\\%\\_off"
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A position in a list ordered by creation, oldest first: the last row a client has seen. Keyset
 * paging (rows strictly after it) stays correct while rows are added or deleted between pages,
 * where page numbers would skip or repeat rows. `createdAt` is stored to the millisecond
 * (Prisma's `timestamp(3)`), so a JavaScript Date holds it exactly.
 */
export type Keyset = { createdAt: Date; id: string };

/** The order keyset pages follow: creation time, then id for rows created in the same millisecond. */
export const KEYSET_ORDER = [{ createdAt: "asc" }, { id: "asc" }] as const;

/** The condition "after `after`" in {@link KEYSET_ORDER}; no condition for the first page. */
export function afterKeyset(after: Keyset | undefined): { OR?: ({ createdAt: { gt: Date } } | { createdAt: Date; id: { gt: string } })[] } {
  return after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};
}

/** One keyset page: the rows, and the position to continue from (null on the last page). */
export type KeysetPage<T> = { rows: T[]; next: Keyset | null };

/**
 * Cuts rows fetched with `take: limit + 1` to a page: the extra row only says there is more.
 *
 * @example keysetPage([a, b, c], 2) //=> { rows: [a, b], next: { createdAt: b.createdAt, id: b.id } }
 */
export function keysetPage<T extends Keyset>(rows: readonly T[], limit: number): KeysetPage<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
