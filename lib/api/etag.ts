/**
 * Optimistic concurrency over HTTP (RFC 9110 §8.8.3 ETag, §13.1.1 If-Match, RFC 6585 §3 for 428):
 * a resource's entity tag is its row's `version`, a write must send the tag it read in `If-Match`,
 * and a write against another version is refused with 412 instead of overwriting someone else's
 * save. Tags are strong (`"v3"`): If-Match compares strongly, so a weak tag (`W/"v3"`) never matches.
 */
import { problem } from "./problem";

/**
 * The entity tag of a row at `version`.
 * @example etagOf(3) //=> '"v3"'
 */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** What an `If-Match` header asks: any current representation (`*`), or one of these versions. */
export type IfMatch = { kind: "any" } | { kind: "versions"; versions: number[] };

const ENTITY_TAG = /^\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/;

/**
 * Reads `If-Match` from a state-changing request: 428 when it is missing (a write that would
 * overwrite blindly), 400 when it is not a list of entity tags.
 */
export function readIfMatch(request: Request): { ok: true; condition: IfMatch } | { ok: false; response: Response } {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "") {
    return { ok: false, response: problem("precondition-required", 'Send the ETag you read as If-Match (e.g. If-Match: "v3"), so the change cannot overwrite a newer one.') };
  }
  if (header.trim() === "*") return { ok: true, condition: { kind: "any" } };
  const versions: number[] = [];
  let rest = header;
  while (rest.trim() !== "") {
    const match = ENTITY_TAG.exec(rest);
    if (!match) return { ok: false, response: problem("validation", "If-Match must be a list of entity tags such as \"v3\".", [{ path: "If-Match", message: 'Give the ETag you read, e.g. "v3".' }]) };
    const version = /^v([1-9]\d{0,9})$/.exec(match[2] ?? "");
    if (!match[1] && version) versions.push(Number(version[1]));
    rest = rest.slice(match[0].length);
  }
  return { ok: true, condition: { kind: "versions", versions } };
}

/**
 * The version a write may expect, given the row's current one: the current version when the
 * condition matches it, else null (the caller answers 412).
 *
 * @example matchedVersion({ kind: "versions", versions: [2] }, 3) //=> null
 */
export function matchedVersion(condition: IfMatch, currentVersion: number): number | null {
  return condition.kind === "any" || condition.versions.includes(currentVersion) ? currentVersion : null;
}

/** 412 for a write against a version the resource no longer has. */
export function staleWrite(what: string, currentVersion: number): Response {
  return problem("precondition-failed", `This ${what} is at version ${currentVersion} (ETag ${etagOf(currentVersion)}) now; nothing was changed. Read it again and retry.`);
}
