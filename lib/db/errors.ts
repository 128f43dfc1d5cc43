/**
 * Database failures in words a person can act on, for pages, the health endpoint and logs.
 * Prisma's own messages start with the code frame of the call ("Invalid `prisma.x()` invocation
 * in /srv/app/…"), which must never reach a user.
 */

/** Thrown by `getReadyDb()` when the database cannot be used; `message` is safe to show. */
export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
}

/** The database server could not be reached at all (raised by the migration runner's own connection). */
export class DatabaseUnreachableError extends Error {
  override readonly name = "DatabaseUnreachableError";
}

/** A query that did not answer within its time budget. */
export class DatabaseTimeoutError extends Error {
  override readonly name = "DatabaseTimeoutError";
}

type AdapterCause = { kind?: string; host?: string; port?: number; db?: string; user?: string; table?: string; message?: string };

function adapterCause(error: unknown): AdapterCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

/** The last line of a Prisma message: the part after the code frame. */
function lastLine(message: string): string {
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? message;
}

/**
 * A one-sentence, user-safe description of a database error (no stack, no file paths, no password).
 *
 * @param error - anything a Prisma call, pg or PGlite threw
 * @example describeDatabaseError(prismaErrorForClosedPort) //=> "Cannot reach the database server at 127.0.0.1:5432. Is PostgreSQL running?"
 */
export function describeDatabaseError(error: unknown): string {
  if (error instanceof DatabaseUnavailableError || error instanceof DatabaseTimeoutError || error instanceof DatabaseUnreachableError) {
    return error.message;
  }
  const cause = adapterCause(error);
  switch (cause?.kind) {
    case "DatabaseNotReachable":
      return `Cannot reach the database server at ${cause.host ?? "?"}${cause.port ? `:${cause.port}` : ""}. Is PostgreSQL running?`;
    case "DatabaseDoesNotExist":
      return `The database "${cause.db ?? "?"}" does not exist on the server. Create it, or fix DATABASE_URL.`;
    case "AuthenticationFailed":
    case "DatabaseAccessDenied":
      return `The database server refused the credentials in DATABASE_URL${cause.user ? ` (user ${cause.user})` : ""}.`;
    case "TableDoesNotExist":
      return `The table ${cause.table ?? ""} is missing: the database has not been migrated (npm run db:migrate).`;
    case "ConnectionClosed":
      return "The connection to the database server was lost. It may be restarting; try again shortly.";
    case "SocketTimeout":
      return "The database server did not answer in time.";
    case "TooManyConnections":
      return "The database server has no free connections left.";
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND") return "Cannot reach the database server. Is PostgreSQL running?";
    if (/timeout exceeded when trying to connect|terminated due to connection timeout/i.test(error.message)) {
      return "The database server did not accept a connection in time. Is it running and reachable?";
    }
    if (/Query read timeout/i.test(error.message)) return "The database server did not answer in time. It may be overloaded or hanging.";
    if (/Connection terminated/i.test(error.message)) {
      return "The connection to the database server was lost. It may be restarting; try again shortly.";
    }
    if (error instanceof AggregateError && error.errors.length > 0) return describeDatabaseError(error.errors[0]);
    return lastLine(error.message) || error.name;
  }
  return String(error);
}

/**
 * Whether `error` means the database could not be reached at all (as opposed to a bad query).
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const kind = adapterCause(error)?.kind;
  if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
  if (error instanceof DatabaseTimeoutError || error instanceof DatabaseUnreachableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "ECONNRESET" ||
    code === "ETIMEDOUT" ||
    /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Can't reach database server/i.test(error.message)
  );
}

/**
 * Rejects with a {@link DatabaseTimeoutError} when `promise` takes longer than `ms`. The work
 * itself is not cancelled (pg and PGlite cannot be), only no longer awaited.
 *
 * @param ms - time budget in milliseconds
 * @param what - what was attempted, for the message ("the health query")
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(`The database did not answer ${what} within ${ms} ms.`)), ms);
    timer.unref?.();
  });
  // The losing promise's rejection must not become an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
