import path from "node:path";

import { describe, expect, it } from "vitest";

import { databaseConfigFromEnv, databaseKind, describePostgresUrl } from "./client";
import { escapeLike, normalizePaging } from "./paging";

describe("the database choice", () => {
  it("is PostgreSQL when DATABASE_URL is set", () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: " postgresql://u@h:5432/d " })).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/d" });
    expect(databaseKind({ DATABASE_URL: "postgresql://u@h/d" })).toBe("postgres");
  });

  it("is the embedded database under .data/pglite otherwise, or under HEADROOM_DATA_DIR", () => {
    expect(databaseConfigFromEnv({})).toEqual({ kind: "embedded", dataDir: path.resolve(".data/pglite") });
    expect(databaseConfigFromEnv({ DATABASE_URL: "", HEADROOM_DATA_DIR: "/srv/headroom" })).toEqual({ kind: "embedded", dataDir: "/srv/headroom" });
    expect(databaseConfigFromEnv({ HEADROOM_DATA_DIR: "memory://" })).toEqual({ kind: "embedded", dataDir: "memory://" });
  });

  it("describes a PostgreSQL URL without its password", () => {
    expect(describePostgresUrl("postgresql://app:s3cret@db.internal:6543/headroom?sslmode=require")).toBe("PostgreSQL at db.internal:6543/headroom");
    expect(describePostgresUrl("not a url")).toMatch(/not a valid URL/);
  });
});

describe("query helpers", () => {
  it("clamp paging from a URL", () => {
    expect(normalizePaging(undefined, undefined)).toEqual({ page: 1, pageSize: 20 });
    expect(normalizePaging(2.7, 0)).toEqual({ page: 2, pageSize: 20 });
    expect(normalizePaging(Number.NaN, 500)).toEqual({ page: 1, pageSize: 100 });
  });

  it("escape LIKE wildcards", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });
});
