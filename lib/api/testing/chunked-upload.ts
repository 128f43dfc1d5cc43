/**
 * A chunked upload of `totalBytes` (no Content-Length), produced lazily in 64 KiB chunks, so the
 * test can see how much of it the reader pulled.
 */
export function chunkedUpload(totalBytes: number): { request: Request; pulledBytes: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulledBytes: () => pulled };
}
