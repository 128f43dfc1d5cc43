import { describe, expect, it } from "vitest";

import { readBodyText } from "./request-body";
import { chunkedUpload } from "./testing/chunked-upload";

const MIB = 1024 * 1024;

describe("readBodyText", () => {
  it("reads a body within the limit as UTF-8 text", async () => {
    const request = new Request("http://localhost/api", { method: "POST", body: '{"name":"Clickstream é"}' });
    expect(await readBodyText(request, 1024)).toEqual({ ok: true, text: '{"name":"Clickstream é"}' });
  });

  it("counts bytes, not characters: 3 × 'é' is 6 bytes", async () => {
    const request = new Request("http://localhost/api", { method: "POST", body: "ééé" });
    expect(await readBodyText(request, 5)).toEqual({ ok: false, reason: "too-large" });
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const upload = chunkedUpload(200 * MIB);
    const request = new Request(upload.request, { headers: { "content-length": String(200 * MIB) } });
    expect(await readBodyText(request, MIB)).toEqual({ ok: false, reason: "too-large" });
    expect(upload.pulledBytes()).toBeLessThanOrEqual(128 * 1024);
  });

  it("stops a 200 MiB chunked body (no Content-Length) soon after the first MiB", async () => {
    const upload = chunkedUpload(200 * MIB);
    expect(upload.request.headers.get("content-length")).toBeNull();
    expect(await readBodyText(upload.request, MIB)).toEqual({ ok: false, reason: "too-large" });
    expect(upload.pulledBytes()).toBeLessThan(MIB + 256 * 1024);
  });
});
