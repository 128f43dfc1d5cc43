import { describe, expect, it } from "vitest";

import { etagOf, matchedVersion, readIfMatch } from "./etag";

const put = (ifMatch?: string) => new Request("http://x/api/v1/scenarios/1", { method: "PUT", headers: ifMatch === undefined ? {} : { "if-match": ifMatch } });

describe("If-Match", () => {
  it("answers 428 when it is missing or empty", async () => {
    for (const header of [undefined, "", "  "]) {
      const read = readIfMatch(put(header));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.response.status).toBe(428);
    }
  });

  it("reads *, one tag or a list; weak and foreign tags match nothing (strong comparison, RFC 9110 §13.1.1)", () => {
    expect(readIfMatch(put("*"))).toEqual({ ok: true, condition: { kind: "any" } });
    expect(readIfMatch(put(etagOf(3)))).toEqual({ ok: true, condition: { kind: "versions", versions: [3] } });
    expect(readIfMatch(put(' "v2" , W/"v3", "abc", "v4"'))).toEqual({ ok: true, condition: { kind: "versions", versions: [2, 4] } });
  });

  it("answers 400 naming If-Match for a header that is not a list of entity tags", async () => {
    for (const header of ["v3", '"v3', '"v3" "v4"']) {
      const read = readIfMatch(put(header));
      expect(read.ok, header).toBe(false);
      if (!read.ok) expect(await read.response.json()).toMatchObject({ status: 400, errors: [{ path: "If-Match" }] });
    }
  });

  it("matches the current version only", () => {
    expect(matchedVersion({ kind: "versions", versions: [2, 3] }, 3)).toBe(3);
    expect(matchedVersion({ kind: "versions", versions: [2] }, 3)).toBeNull();
    expect(matchedVersion({ kind: "any" }, 7)).toBe(7);
  });
});
