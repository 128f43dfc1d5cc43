import { describe, expect, it } from "vitest";

import { refuseUnsafeWrite } from "./write-guard";

function post(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/v1/workloads/import", { method: "POST", headers, body: "{}" });
}

describe("refuseUnsafeWrite", () => {
  it("lets a same-origin JSON request through, and one without Origin (a script or CI job)", () => {
    expect(refuseUnsafeWrite(post({ origin: "http://localhost:3000", "content-type": "application/json" }))).toBeNull();
    expect(refuseUnsafeWrite(post({ "content-type": "application/json; charset=utf-8" }))).toBeNull();
  });

  it("accepts the origin a reverse proxy forwards (Host / X-Forwarded-Host and -Proto)", () => {
    const proxied = post({ origin: "https://headroom.example", host: "headroom.example", "x-forwarded-proto": "https", "content-type": "application/json" });
    expect(refuseUnsafeWrite(proxied)).toBeNull();
  });

  it("refuses a cross-origin Origin, an opaque 'null' origin and Sec-Fetch-Site: cross-site with 403", () => {
    expect(refuseUnsafeWrite(post({ origin: "http://evil.example", "content-type": "application/json" }))).toMatchObject({ kind: "forbidden", detail: expect.stringContaining("http://evil.example") });
    expect(refuseUnsafeWrite(post({ origin: "null", "content-type": "application/json" }))).toMatchObject({ kind: "forbidden" });
    expect(refuseUnsafeWrite(post({ "sec-fetch-site": "cross-site", "content-type": "application/json" }))).toMatchObject({ kind: "forbidden" });
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""])("refuses content type %j (what an HTML form can send) with 415", (type) => {
    const headers: Record<string, string> = type === "" ? {} : { "content-type": type };
    expect(refuseUnsafeWrite(post(headers))).toMatchObject({ kind: "unsupported-media-type" });
  });

  it("checks only the origin of a request without a body (DELETE)", () => {
    const remove = (headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/scenarios/x", { method: "DELETE", headers });
    expect(refuseUnsafeWrite(remove({}), { body: false })).toBeNull();
    expect(refuseUnsafeWrite(remove({ origin: "http://evil.example" }), { body: false })).toMatchObject({ kind: "forbidden" });
  });
});
