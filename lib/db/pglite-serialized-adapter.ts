/**
 * The Prisma driver adapter for the embedded database: `pglite-prisma-adapter`, wrapped so that
 * PGlite's single connection is shared by one operation at a time, in arrival order.
 *
 * PGlite is one PostgreSQL backend in this process. Two interactive transactions on it would be
 * one transaction, and a plain query issued while a transaction is open would run inside it. What
 * the upstream adapter (0.7.2) does, read from its source:
 * - `startTransaction` runs PGlite's `transaction()`, which holds PGlite's internal mutex until
 *   commit/rollback; PGlite's `query()` takes the same mutex, so work already queues. We add our
 *   own FIFO gate ({@link Gate}) around every operation anyway, so the guarantee is ours, visible
 *   and tested (lib/db/concurrency.int.test.ts), and does not depend on PGlite internals.
 * - Queued transactions wait for their turn inside Prisma's `maxWait` (default 2 s), after which
 *   Prisma gives up with "Unable to start a transaction in the given time". client.ts raises
 *   `maxWait` for the embedded database so a long queue waits instead of failing.
 * - An isolation level is applied with `SET TRANSACTION` *before* `BEGIN`, where PostgreSQL
 *   ignores it with a warning. We set it as the transaction's first statement instead. (With one
 *   connection every transaction is in effect serial anyway, but a caller asking for SERIALIZABLE
 *   should see it.)
 * - `executeScript` does not await `exec`, so errors escape as unhandled rejections and callers
 *   run ahead of the script. We await it.
 */
import type { PGlite } from "@electric-sql/pglite";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * A first-in, first-out mutex: `acquire()` resolves, in call order, with a release function.
 * Releasing twice is harmless, so commit-then-rollback paths cannot free someone else's turn.
 */
export class Gate {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  /** Number of callers holding or waiting for the gate (for tests and diagnostics). */
  get pending(): number {
    return this.#waiting;
  }

  acquire(): Promise<() => void> {
    this.#waiting += 1;
    let release!: () => void;
    const turn = new Promise<void>((resolve) => {
      let released = false;
      release = () => {
        if (released) return;
        released = true;
        this.#waiting -= 1;
        resolve();
      };
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    return previous.then(() => release);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** PostgreSQL spelling of Prisma's isolation levels (SNAPSHOT is SQL Server only). */
const ISOLATION_SQL: Record<IsolationLevel, string | null> = {
  "READ UNCOMMITTED": "READ UNCOMMITTED",
  "READ COMMITTED": "READ COMMITTED",
  "REPEATABLE READ": "REPEATABLE READ",
  SERIALIZABLE: "SERIALIZABLE",
  SNAPSHOT: null,
};

class SerializedTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  readonly options: Transaction["options"];

  constructor(
    private readonly inner: Transaction,
    private readonly release: () => void,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
    if (inner.createSavepoint) this.createSavepoint = (name) => inner.createSavepoint!(name);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = (name) => inner.rollbackToSavepoint!(name);
    if (inner.releaseSavepoint) this.releaseSavepoint = (name) => inner.releaseSavepoint!(name);
  }

  createSavepoint?: (name: string) => Promise<void>;
  rollbackToSavepoint?: (name: string) => Promise<void>;
  releaseSavepoint?: (name: string) => Promise<void>;

  // Queries of an open transaction already own the gate: they must not queue behind it.
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async commit(): Promise<void> {
    try {
      await this.inner.commit();
    } finally {
      this.release();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.inner.rollback();
    } finally {
      this.release();
    }
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly pglite: PGlite,
    private readonly gate: Gate,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.gate.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.gate.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.gate.run(async () => {
      await this.pglite.exec(script);
    });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.gate.acquire();
    let tx: Transaction;
    try {
      tx = await this.inner.startTransaction();
    } catch (error) {
      release();
      throw error;
    }
    const wrapped = new SerializedTransaction(tx, release);
    const level = isolationLevel ? ISOLATION_SQL[isolationLevel] : null;
    if (level) {
      try {
        await tx.executeRaw({ sql: `SET TRANSACTION ISOLATION LEVEL ${level}`, args: [], argTypes: [] });
      } catch (error) {
        await wrapped.rollback();
        throw error;
      }
    }
    return wrapped;
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/**
 * Driver adapter factory for Prisma over one PGlite instance; every client built from one factory
 * shares one gate.
 *
 * @example new PrismaClient({ adapter: new SerializedPGlite(await PGlite.create(dir)) })
 */
export class SerializedPGlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly gate = new Gate();
  readonly #inner: PrismaPGlite;

  constructor(private readonly pglite: PGlite) {
    this.#inner = new PrismaPGlite(pglite);
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new SerializedAdapter(await this.#inner.connect(), this.pglite, this.gate);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#inner.connectToShadowDb();
  }
}
