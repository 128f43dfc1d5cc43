/**
 * A plan as it is stored (JSONB) and read back: exactly what `JSON.stringify` keeps. Non-finite
 * numbers become null and undefined keys disappear, so what a page renders from the database is
 * what was computed, with no second, slightly different in-memory version.
 *
 * @example toJsonSafe({ a: NaN, b: undefined, c: 1 }) //=> { a: null, c: 1 }
 */
export function toJsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
