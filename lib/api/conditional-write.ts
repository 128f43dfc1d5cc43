/**
 * The steps every conditional write of /api/v1 (PUT, DELETE) takes after its `If-Match` was read:
 * the resource must exist (404), `If-Match` must name its current version (412), and the write
 * then runs expecting that version. The services compare and set, so a save that lands between the
 * check and the write still answers 412, never an overwrite.
 */
import { matchedVersion, staleWrite, type IfMatch } from "./etag";
import { notFound } from "./respond";

/** What a write gave: its response, or that the row changed or vanished meanwhile. */
export type WriteOutcome = Response | "conflict" | "not-found";

/**
 * @param what - the resource's name in messages ("workload", "scenario")
 * @param load - reads the live resource (null when there is none)
 * @param write - writes expecting `expectedVersion`
 */
export async function conditionalWrite<T extends { version: number }>(input: {
  condition: IfMatch;
  what: string;
  id: string;
  load: () => Promise<T | null>;
  write: (expectedVersion: number) => Promise<WriteOutcome>;
}): Promise<Response> {
  const { condition, what, id, load, write } = input;
  const current = await load();
  if (!current) return notFound(what, id);
  const expected = matchedVersion(condition, current.version);
  if (expected === null) return staleWrite(what, current.version);
  const outcome = await write(expected);
  if (outcome instanceof Response) return outcome;
  const now = outcome === "conflict" ? await load() : null;
  return now ? staleWrite(what, now.version) : notFound(what, id);
}
