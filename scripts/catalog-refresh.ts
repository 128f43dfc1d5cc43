/**
 * Converts providers' published price files into the bundled catalog (lib/catalog/data) and
 * prints what changed.
 *
 *   npm run catalog:refresh -- [--dry-run] [--today YYYY-MM-DD] <file.json…>
 *
 * Files: AWS Price List offer files for AmazonEC2 (one region each), Cloud Billing Catalog SKU
 * lists for Compute Engine, Azure Retail Prices API responses (docs/catalog.md, "How to refresh").
 * The same files and date always give the same data. Exit codes: 0 done, 1 bad arguments or file.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { applyInstanceUpdates, parseProviderFile } from "@/lib/catalog/refresh/apply";
import { convertPriceFile } from "@/lib/catalog/refresh/convert";
import { formatProviderFile, formatRefreshReport, nextCatalogVersion } from "@/lib/catalog/refresh/format";
import type { InstanceUpdate } from "@/lib/catalog/refresh/types";

const DATA_DIR = path.join(process.cwd(), "lib/catalog/data");
const PROVIDERS = ["aws", "gcp", "azure"] as const;

async function main(argv: readonly string[]): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const todayIndex = argv.indexOf("--today");
  const today = todayIndex >= 0 ? argv[todayIndex + 1] : new Date().toISOString().slice(0, 10);
  const inputs = argv.filter((arg, index) => !arg.startsWith("--") && (todayIndex < 0 || index !== todayIndex + 1));
  if (today === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return fail("--today needs a date, YYYY-MM-DD.");
  if (inputs.length === 0) return fail("Name at least one price file: npm run catalog:refresh -- <file.json…>");

  const manifest = JSON.parse(await readFile(path.join(DATA_DIR, "manifest.json"), "utf8")) as { version: string; currency: string };
  const files = await Promise.all(PROVIDERS.map(async (provider) => parseProviderFile(JSON.parse(await readFile(path.join(DATA_DIR, `${provider}.json`), "utf8")))));
  const shapes = files.flatMap((file) => file.instanceTypes);

  const updates: InstanceUpdate[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(input, "utf8"));
    } catch (error) {
      return fail(`${input}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const converted = convertPriceFile(json, shapes);
    if ("error" in converted) return fail(`${input}: ${converted.error}`);
    console.log(`${input}: ${converted.format}, ${converted.updates.length} instance price(s)`);
    updates.push(...converted.updates);
    skipped.push(...converted.skipped.map((reason) => `${path.basename(input)}: ${reason}`));
  }

  const { files: next, report } = applyInstanceUpdates(files, updates, manifest.version);
  process.stdout.write(formatRefreshReport(report, { skipped }));
  const changed = next.filter((file, index) => formatProviderFile(file) !== formatProviderFile(files[index] ?? file));
  if (dryRun || changed.length === 0) {
    console.log(dryRun ? "Dry run: nothing written." : "No data changed.");
    return 0;
  }
  for (const file of changed) await writeFile(path.join(DATA_DIR, `${file.provider}.json`), formatProviderFile(file));
  const version = nextCatalogVersion(manifest.version, today);
  await writeFile(path.join(DATA_DIR, "manifest.json"), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  console.log(`Wrote ${changed.map((file) => `${file.provider}.json`).join(", ")}; catalog version ${manifest.version} → ${version}.`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
