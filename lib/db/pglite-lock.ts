/**
 * A lock file next to the embedded database's folder. PGlite has no such guard, and two processes
 * writing one data folder corrupt it (e.g. `npm run db:seed` while `npm start` runs). With the
 * lock, the second process gets a clear error instead.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export type DataDirLock = { path: string; release(): void };

// Locks this process holds, on globalThis so that a module re-evaluated by Next's HMR sees them.
const heldHere: Set<string> = ((globalThis as { __headroomDataDirLocks?: Set<string> }).__headroomDataDirLocks ??=
  new Set<string>());

/** The lock of `dataDir`: `<dataDir>.lock`, beside the folder so PGlite never sees it. */
export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/**
 * Whether `pid` is a live process other than this one (a stale lock from a crash is not).
 *
 * Alive means the pid exists, whatever its command line: `next start` renames its process
 * `next-server` and a seed script runs as `tsx`, so a "looks like node" test let a second process
 * take a live lock over and corrupt the folder. The price is that a pid reused by an unrelated
 * program after a reboot keeps the lock; the refusal names the lock file to delete then.
 */
function heldByAnotherLiveProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock of `dataDir` for this process, replacing a stale one left by a crash.
 * Released by `release()` and, as a last resort, when the process exits.
 *
 * @throws Error naming the other process when it holds the lock.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = lockPathFor(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        process.off("exit", release);
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return { path: file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (heldByAnotherLiveProcess(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is open in another process (pid ${holder}). ` +
            `PGlite allows one process per data folder: stop that process first, or point ` +
            `HEADROOM_DATA_DIR elsewhere, or use PostgreSQL (DATABASE_URL). If no such process ` +
            `is yours (a pid reused after a reboot), delete ${file}.`,
        );
      }
      // Our own pid but not held here: a stale lock from an earlier run that had the same pid
      // (pid 1 in a restarted container).
      if (holder === process.pid && heldHere.has(file)) {
        throw new Error(`The embedded database at ${dataDir} is already open in this process; use getDb() to share it.`);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}
