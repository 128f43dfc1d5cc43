/**
 * Prisma's schema engine, compiled to WebAssembly, for development tooling only: creating the
 * next migration and checking that `schema.prisma` and `prisma/migrations` agree.
 *
 * The app never imports this file (it applies migrations with the small runner in migrate.ts),
 * so the 10 MB engine stays out of the Next server bundle. Why the WASM engine at all: the
 * Prisma CLI downloads a native engine, which these machines cannot reach. See
 * docs/decisions/003-wasm-schema-engine-and-migration-runner.md.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffResult, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { MIGRATION_LOCK_FILE, migrationsDir, readMigrationLock, readMigrations } from "./migrations-dir";

type EngineRuntime = typeof import("@prisma/schema-engine-wasm");

let runtimePromise: Promise<EngineRuntime> | undefined;

/** Loads and instantiates the WASM module once per process (wasm-bindgen keeps it in module state). */
function loadRuntime(): Promise<EngineRuntime> {
  runtimePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineRuntime & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasm = new WebAssembly.Module(await readFile(path.join(packageDir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return runtimePromise;
}

let emptyDataDirPromise: Promise<Blob> | undefined;

/**
 * An initialised, empty PGlite data folder as a tarball, made once per process: initdb takes
 * 3–5 s, loading this takes about 1.5 s, and each diff opens two databases (main and shadow).
 */
function emptyDataDir(): Promise<Blob> {
  emptyDataDirPromise ??= (async () => {
    const pglite = await PGlite.create();
    try {
      return await pglite.dumpDataDir("none");
    } finally {
      await pglite.close();
    }
  })();
  return emptyDataDirPromise;
}

/** The schema file the project uses. */
export function schemaPath(): string {
  return path.resolve(process.env.HEADROOM_SCHEMA_PATH ?? path.join(process.cwd(), "prisma", "schema.prisma"));
}

/**
 * Starts an engine whose database (and shadow database) is an in-memory PGlite. Nothing here
 * needs a live server: diffs replay the migrations into the shadow database.
 */
async function withEngine<T>(schema: { path: string; content: string }, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const runtime = await loadRuntime();
  // The main database is created only if the engine asks for it (a diff between migrations and
  // a schema needs just the shadow database): starting PGlite costs seconds.
  const opened: PGlite[] = [];
  const open = async () => {
    const pglite = await PGlite.create({ loadDataDir: await emptyDataDir() });
    opened.push(pglite);
    return new PrismaPGlite(pglite).connect();
  };
  let main: ReturnType<typeof open> | undefined;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => (main ??= open()),
    connectToShadowDb: open,
  };
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((p) => p.close()));
  }
}

/** The migrations folder in the shape the engine takes. */
async function migrationList(dir: string): Promise<MigrationList> {
  const migrations = await readMigrations(dir);
  return {
    baseDir: dir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: await readMigrationLock(dir) },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

export type SchemaDiff = {
  /** 0 when the migrations already produce the schema, 2 when SQL is missing. */
  exitCode: number;
  /** The SQL that takes the migrated database to the schema ("-- This is an empty migration." when none). */
  sql: string;
};

/**
 * Diffs what `prisma/migrations` produces (replayed into an in-memory shadow database) against
 * `schema.prisma`. This is `prisma migrate diff --from-migrations --to-schema --script --exit-code`.
 *
 * @param options.migrationsDir - defaults to {@link migrationsDir}
 * @param options.schemaPath - defaults to {@link schemaPath}
 * @returns exit code 0 (in sync) or 2 (the schema needs the returned SQL)
 * @throws the engine's error when a migration fails to apply to the shadow database
 */
export async function diffMigrationsToSchema(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<SchemaDiff> {
  const dir = options.migrationsDir ?? migrationsDir();
  const file = options.schemaPath ?? schemaPath();
  const content = await readFile(file, "utf8");
  const list = await migrationList(dir);
  const result: DiffResult = await withEngine({ path: file, content }, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files: [{ path: file, content }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return { exitCode: result.exitCode, sql: result.stdout ?? "" };
}

/**
 * The SQL that creates `schema.prisma` from an empty database (`prisma migrate diff --from-empty`).
 */
export async function diffEmptyToSchema(options: { schemaPath?: string } = {}): Promise<string> {
  const file = options.schemaPath ?? schemaPath();
  const content = await readFile(file, "utf8");
  const result = await withEngine({ path: file, content }, (engine) =>
    engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: file, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return result.stdout ?? "";
}

/**
 * Applies the migrations with Prisma's own engine into a fresh in-memory PGlite and reports
 * which it applied. Used by the tests to prove that the app's runner (migrate.ts) writes a
 * history Prisma Migrate accepts.
 */
export async function applyWithSchemaEngine(
  pglite: PGlite,
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string[]> {
  const runtime = await loadRuntime();
  const file = options.schemaPath ?? schemaPath();
  const content = await readFile(file, "utf8");
  const list = await migrationList(options.migrationsDir ?? migrationsDir());
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [[file, content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite)),
  );
  try {
    const out = await engine.applyMigrations({ migrationsList: list, filters: { externalTables: [], externalEnums: [] } });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
