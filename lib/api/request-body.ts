/**
 * Reading a request body with a size limit that holds while the body streams in: a chunked
 * upload (no `Content-Length`) is counted byte by byte and dropped as soon as it passes the limit,
 * so a 600 MB body costs at most the limit in memory, never the whole upload.
 */

export type BodyText = { ok: true; text: string } | { ok: false; reason: "too-large" };

/**
 * The body of `request` as UTF-8 text, or `too-large` once more than `maxBytes` arrive. A declared
 * `Content-Length` above the limit is refused before a byte is read.
 *
 * @param maxBytes - the largest body accepted, in bytes
 * @example await readBodyText(new Request("http://x", { method: "POST", body: "{}" }), 10) //=> { ok: true, text: "{}" }
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: "too-large" };
  }
  if (request.body === null) return { ok: true, text: "" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
