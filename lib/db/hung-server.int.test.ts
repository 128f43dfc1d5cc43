/**
 * A PostgreSQL that hangs (accepts, then never answers) must fail fast with a message a person can
 * act on, not block the request for as long as it hangs (issue 16). Two hangs: a server that
 * accepts TCP but never completes the handshake, and a healthy connection whose server freezes
 * mid-session (a TCP relay in front of the real server that stops forwarding).
 */
import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, PG_CONNECTION_TIMEOUT_MS, type Db } from "./client";
import { describeDatabaseError, isDatabaseUnreachable } from "./errors";
import { TEST_DATABASE_URL } from "./testing/backends";

/** A TCP server on a free local port; `handle` decides what each accepted socket does. */
async function listen(handle: (socket: net.Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Relays to the real PostgreSQL until `freeze()`; then swallows everything in both directions. */
async function freezableRelay(target: URL) {
  let frozen = false;
  const relay = await listen((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    upstream.on("error", () => client.destroy());
    client.on("data", (chunk) => (frozen ? undefined : upstream.write(chunk)));
    upstream.on("data", (chunk) => (frozen ? undefined : client.write(chunk)));
    client.on("close", () => upstream.destroy());
  });
  return { ...relay, freeze: () => (frozen = true) };
}

function urlOnPort(port: number): string {
  const url = new URL(TEST_DATABASE_URL);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

/** How long `work` took to reject, and what it rejected with. */
async function rejection(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await work;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error("expected the query to fail");
}

describe("a PostgreSQL server that hangs", () => {
  it("that never answers the handshake fails the query within the connection timeout, as unreachable", async () => {
    const silent = await listen(() => {});
    const db = await createDb({ kind: "postgres", url: urlOnPort(silent.port) });
    try {
      const { error, ms } = await rejection(db.prisma.$queryRaw`SELECT 1`);
      expect(ms).toBeLessThan(PG_CONNECTION_TIMEOUT_MS + 2_000);
      expect(isDatabaseUnreachable(error)).toBe(true);
      expect(describeDatabaseError(error)).toMatch(/did not (accept a connection|answer) in time/);
    } finally {
      await db.close().catch(() => {});
      await silent.close();
    }
  });

  describe("mid-session", () => {
    let relay: Awaited<ReturnType<typeof freezableRelay>>;
    let db: Db;
    const queryTimeoutMs = 1_000;

    beforeAll(async () => {
      relay = await freezableRelay(new URL(TEST_DATABASE_URL));
      db = await createDb({ kind: "postgres", url: urlOnPort(relay.port), queryTimeoutMs });
    });
    afterAll(async () => {
      await db.close().catch(() => {});
      await relay.close();
    });

    it("answers while the server does, then fails the next query within the query timeout, as unreachable", async () => {
      await expect(db.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
      relay.freeze();
      const { error, ms } = await rejection(db.prisma.$queryRaw`SELECT 2`);
      expect(ms).toBeGreaterThanOrEqual(queryTimeoutMs - 50);
      expect(ms).toBeLessThan(queryTimeoutMs + 2_000);
      expect(isDatabaseUnreachable(error)).toBe(true);
      expect(describeDatabaseError(error)).toBe("The database server did not answer in time. It may be overloaded or hanging.");
    });
  });
});
