/**
 * The catalog in the database, on real PostgreSQL and on PGlite: the bundled version, FinOps
 * overrides (set, reset, history, conflicts) and CSV imports.
 */
import { describe, expect, it } from "vitest";

import { exportInstanceTypesCsv } from "@/lib/catalog/csv";
import { loadCatalog } from "@/lib/catalog/load";

import {
  diffPricedCatalogVersions,
  getPricedCatalog,
  importCatalogCsv,
  getCurrentCatalog,
  restoreCatalogVersion,
  listCatalogVersions,
  listOverrideHistory,
  resetOverride,
  setItemPriceOverride,
  setProviderDiscount,
} from "./catalog";
import { backends } from "@/lib/db/testing/backends";
import { useMigratedDatabase } from "@/lib/db/testing/migrated-database";

const bundled = loadCatalog();
const bundledItemCount = bundled.instanceTypes.length + bundled.storageTiers.length + bundled.dataTransfer.length + bundled.commitments.length;
const M7I = "aws:us-east-1:m7i.xlarge";
const m7iList = bundled.instanceTypes.find((i) => i.id === M7I)!.onDemandUsdPerHour;
const author = { reason: "EDP 2026", actor: "ana" };

describe.each(backends)("the catalog on $name", (backend) => {
  const t = useMigratedDatabase(backend);
  const prisma = () => t.db.prisma;

  it("registers the bundled catalog once and prices with it when no override is set", async () => {
    const [first, second] = await Promise.all([getPricedCatalog(prisma()), getPricedCatalog(prisma())]);
    expect(first.version).toBe(`${bundled.version}+o0`);
    expect(first.catalog).toEqual(bundled);
    expect(second.catalog).toEqual(bundled);
    expect(first.overrides).toEqual([]);
    const versions = await listCatalogVersions(prisma());
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: bundled.version, origin: "bundled", itemCount: bundledItemCount });
  });

  it("applies a provider discount to that provider's on-demand prices and marks each one", async () => {
    const set = await setProviderDiscount(prisma(), { ...author, provider: "aws", discountRatio: 0.12, expectedRevision: 0 });
    expect(set).toEqual({ kind: "ok", revision: expect.any(Number) });
    const priced = await getPricedCatalog(prisma());
    expect(priced.version).toBe(`${bundled.version}+o${set.kind === "ok" ? set.revision : -1}`);
    const m7i = priced.catalog.instanceTypes.find((i) => i.id === M7I)!;
    expect(m7i.onDemandUsdPerHour).toBeCloseTo(m7iList * 0.88, 12);
    const marked = priced.overrides.find((o) => o.itemId === M7I);
    expect(marked).toMatchObject({ field: "onDemandUsdPerHour", listValue: m7iList, kind: "providerDiscount" });
    expect(marked?.reason).toContain("AWS discount 12 %");
    expect(priced.overrides).toHaveLength(bundled.instanceTypes.filter((i) => i.provider === "aws").length);
    // GCP and storage untouched.
    const gcp = bundled.instanceTypes.find((i) => i.provider === "gcp")!;
    expect(priced.catalog.instanceTypes.find((i) => i.id === gcp.id)).toEqual(gcp);
    expect(priced.catalog.storageTiers).toEqual(bundled.storageTiers);
  });

  it("lets an item override replace the discounted price, and a reset restore the list price, keeping the history", async () => {
    await setProviderDiscount(prisma(), { ...author, provider: "aws", discountRatio: 0.12, expectedRevision: 0 });
    const override = await setItemPriceOverride(prisma(), { ...author, reason: "private pricing", itemId: M7I, priceUsd: 0.15, expectedRevision: 0 });
    expect(override.kind).toBe("ok");
    const overridden = await getPricedCatalog(prisma());
    expect(overridden.catalog.instanceTypes.find((i) => i.id === M7I)!.onDemandUsdPerHour).toBe(0.15);
    expect(overridden.overrides.find((o) => o.itemId === M7I)).toMatchObject({ kind: "itemPrice", effectiveValue: 0.15, listValue: m7iList });

    const key = `price:${M7I}:onDemandUsdPerHour`;
    const reset = await resetOverride(prisma(), { ...author, key, expectedRevision: override.kind === "ok" ? override.revision : -1 });
    expect(reset.kind).toBe("ok");
    const discountReset = await resetOverride(prisma(), { ...author, key: "discount:aws", expectedRevision: 1 });
    expect(discountReset.kind).toBe("ok");
    const restored = await getPricedCatalog(prisma());
    expect(restored.catalog).toEqual(bundled);
    expect(restored.overrides).toEqual([]);

    const history = await listOverrideHistory(prisma());
    expect(history.map((h) => [h.action, h.key, h.value])).toEqual([
      ["reset", "discount:aws", null],
      ["reset", key, null],
      ["set", key, "0.15"],
      ["set", "discount:aws", "0.12"],
    ]);
    // A reset of something not in force is refused rather than recorded.
    expect(await resetOverride(prisma(), { ...author, key, expectedRevision: 3 })).toEqual({ kind: "not-set" });
  });

  it("refuses an edit made from a stale revision and names the newer change", async () => {
    await setProviderDiscount(prisma(), { ...author, provider: "gcp", discountRatio: 0.1, expectedRevision: 0 });
    const stale = await setProviderDiscount(prisma(), { ...author, actor: "bo", provider: "gcp", discountRatio: 0.2, expectedRevision: 0 });
    expect(stale).toMatchObject({ kind: "conflict", latest: { revision: 1, actor: "ana" } });
    expect((await getPricedCatalog(prisma())).version).toBe(`${bundled.version}+o1`);
  });

  it("lets only one of two concurrent edits from the same revision land", async () => {
    const results = await Promise.all(
      [0.1, 0.2, 0.3].map((discountRatio) => setProviderDiscount(prisma(), { ...author, provider: "azure", discountRatio, expectedRevision: 0 })),
    );
    expect(results.filter((r) => r.kind === "ok")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "conflict")).toHaveLength(2);
    expect(await listOverrideHistory(prisma())).toHaveLength(1);
  });

  it("refuses an override of an item the catalog does not hold", async () => {
    expect(await setItemPriceOverride(prisma(), { ...author, itemId: "aws:us-east-1:nope", priceUsd: 1, expectedRevision: 0 })).toEqual({ kind: "not-found" });
  });

  it("rebuilds a past priced version exactly and diffs it against the current one", async () => {
    const before = await getPricedCatalog(prisma());
    await setItemPriceOverride(prisma(), { ...author, itemId: M7I, priceUsd: 0.1, expectedRevision: 0 });
    const after = await getPricedCatalog(prisma());

    expect((await getPricedCatalog(prisma(), { version: before.version }))?.catalog).toEqual(before.catalog);
    expect(await getPricedCatalog(prisma(), { version: "nonsense" })).toBeNull();
    expect(await getPricedCatalog(prisma(), { version: "1999-01-01.1+o0" })).toBeNull();

    const diff = await diffPricedCatalogVersions(prisma(), before.version, after.version);
    expect(diff).toEqual([
      { section: "instanceTypes", itemId: M7I, field: "onDemandUsdPerHour", change: "changed", oldValue: m7iList, newValue: 0.1, changeRatio: (0.1 - m7iList) / m7iList },
    ]);
  });

  it("imports a valid CSV as a new current version that keeps the other prices", async () => {
    await getPricedCatalog(prisma());
    const items = bundled.instanceTypes.filter((i) => i.provider === "aws" && i.region === "us-east-1").map((i) => (i.id === M7I ? { ...i, onDemandUsdPerHour: 0.2 } : i));
    const now = new Date("2026-12-01T10:00:00Z");
    // One region of many: drastic, so written only once confirmed.
    const unconfirmed = await importCatalogCsv(prisma(), { csv: exportInstanceTypesCsv(items), fileName: "aws.csv", actor: "ana", now });
    expect(unconfirmed.kind === "needs-confirmation" && unconfirmed.shrinkage).toMatchObject({ currentCount: bundled.instanceTypes.length, incomingCount: items.length, drastic: true });
    expect(unconfirmed.kind === "needs-confirmation" && unconfirmed.shrinkage.regionsEmptied).toContain("gcp:us-central1");
    expect(await listCatalogVersions(prisma())).toHaveLength(1);
    const first = await importCatalogCsv(prisma(), { csv: exportInstanceTypesCsv(items), fileName: "aws.csv", actor: "ana", now, confirmShrink: true });
    expect(first).toEqual({ kind: "ok", version: "2026-12-01.1", instanceTypes: items.length });
    // The same types again shrink nothing: no confirmation needed.
    const second = await importCatalogCsv(prisma(), { csv: exportInstanceTypesCsv(items), fileName: "aws.csv", actor: "ana", now });
    expect(second).toMatchObject({ kind: "ok", version: "2026-12-01.2" });

    const priced = await getPricedCatalog(prisma());
    expect(priced.version).toBe("2026-12-01.2+o0");
    expect(priced.catalog.instanceTypes).toEqual(items);
    expect(priced.catalog.storageTiers).toEqual(bundled.storageTiers);
    expect((await listCatalogVersions(prisma())).map((v) => [v.version, v.origin, v.note])).toEqual([
      ["2026-12-01.2", "csvImport", "aws.csv"],
      ["2026-12-01.1", "csvImport", "aws.csv"],
      [bundled.version, "bundled", "Bundled with the app (lib/catalog/data)."],
    ]);
    const diff = await diffPricedCatalogVersions(prisma(), `${bundled.version}+o0`);
    expect(diff?.find((c) => c.itemId === M7I)).toMatchObject({ change: "changed", oldValue: m7iList, newValue: 0.2 });
    expect(diff?.filter((c) => c.change === "removed").length).toBeGreaterThan(0);
  });

  it("never imports a file without instance types, confirmed or not", async () => {
    await getPricedCatalog(prisma());
    const headerOnly = exportInstanceTypesCsv([]);
    for (const confirmShrink of [false, true]) {
      expect(await importCatalogCsv(prisma(), { csv: headerOnly, fileName: "empty.csv", actor: "ana", confirmShrink })).toEqual({ kind: "empty" });
    }
    expect(await listCatalogVersions(prisma())).toHaveLength(1);
    expect(await prisma().catalogItem.count()).toBe(bundledItemCount);
  });

  it("rolls back to an earlier version in one action: its items again, as the newest version", async () => {
    await getPricedCatalog(prisma());
    const items = bundled.instanceTypes.filter((i) => i.provider === "aws" && i.region === "us-east-1");
    const now = new Date("2026-12-01T10:00:00Z");
    expect((await importCatalogCsv(prisma(), { csv: exportInstanceTypesCsv(items), fileName: "aws.csv", actor: "ana", now, confirmShrink: true })).kind).toBe("ok");
    expect(await restoreCatalogVersion(prisma(), { version: "2026-12-01.1", actor: "ben", now })).toEqual({ kind: "already-current" });
    expect(await restoreCatalogVersion(prisma(), { version: "1999-01-01.1", actor: "ben", now })).toEqual({ kind: "not-found" });

    expect(await restoreCatalogVersion(prisma(), { version: bundled.version, actor: "ben", now })).toEqual({ kind: "ok", version: "2026-12-01.2", instanceTypes: bundled.instanceTypes.length });
    const current = await getCurrentCatalog(prisma());
    expect({ ...current, version: bundled.version }).toEqual(bundled);
    expect((await listCatalogVersions(prisma())).map((v) => [v.version, v.origin, v.note, v.createdBy])).toEqual([
      ["2026-12-01.2", "restored", `Restored from ${bundled.version}`, "ben"],
      ["2026-12-01.1", "csvImport", "aws.csv", "ana"],
      [bundled.version, "bundled", "Bundled with the app (lib/catalog/data).", "headroom (bundled)"],
    ]);
    expect(await diffPricedCatalogVersions(prisma(), `${bundled.version}+o0`)).toEqual([]);
  });

  it("writes nothing from a file with a bad row, and reports its line and field", async () => {
    await getPricedCatalog(prisma());
    const csv = exportInstanceTypesCsv(bundled.instanceTypes.slice(0, 3)).replace(/,0\.\d+,0\.6,/, ",-1,0.6,");
    const result = await importCatalogCsv(prisma(), { csv, fileName: "bad.csv", actor: "ana" });
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.errors[0]).toMatchObject({ line: 2, field: "onDemandUsdPerHour" });
    expect(await listCatalogVersions(prisma())).toHaveLength(1);
    expect(await prisma().catalogItem.count()).toBe(bundledItemCount);
  });
});
