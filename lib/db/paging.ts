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
