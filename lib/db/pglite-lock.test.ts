import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { acquireDataDirLock, lockPathFor } from "./pglite-lock";

/** A live process that is not called "node": how `next start` shows up once it renames itself. */
function startNextServerLookalike(): ChildProcess {
  return spawn("sleep", ["60"], { argv0: "next-server", stdio: "ignore" });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  await exited;
}

describe("the embedded data directory's lock", () => {
  let dir: string;
  let dataDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "headroom-lock-"));
    dataDir = path.join(dir, "pglite");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a second process while the holder lives, even when its command line is next-server", async () => {
    const holder = startNextServerLookalike();
    try {
      await new Promise((resolve) => holder.once("spawn", resolve));
      expect(await readFile(`/proc/${holder.pid}/cmdline`, "utf8").catch(() => "next-server")).not.toContain("node");
      await writeFile(lockPathFor(dataDir), String(holder.pid));
      expect(() => acquireDataDirLock(dataDir)).toThrow(new RegExp(`open in another process \\(pid ${holder.pid}\\).*stop that process first`));
      expect(await readFile(lockPathFor(dataDir), "utf8")).toBe(String(holder.pid)); // not taken over
    } finally {
      await stop(holder);
    }
  });

  it("takes over a lock whose process is gone, and releases it", async () => {
    const gone = startNextServerLookalike();
    await new Promise((resolve) => gone.once("spawn", resolve));
    await stop(gone);
    await writeFile(lockPathFor(dataDir), String(gone.pid));
    const lock = acquireDataDirLock(dataDir);
    expect(await readFile(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
    await expect(readFile(lock.path, "utf8")).rejects.toThrow(/ENOENT/);
  });
});
