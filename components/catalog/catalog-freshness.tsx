import type { ProviderFreshness } from "@/lib/catalog/freshness";
import { STALE_AFTER_DAYS } from "@/lib/catalog/freshness";
import { providerName } from "@/lib/catalog/overrides";

/**
 * Each provider's price date, with a warning when it is older than 90 days or when every price is
 * an estimate. Rows come from `providerFreshness(catalog, today)`.
 */
export function CatalogFreshness({ rows }: { rows: readonly ProviderFreshness[] }) {
  return (
    <ul aria-label="Catalog freshness" className="flex flex-col gap-1 text-sm">
      {rows.map((row) => (
        <li key={row.provider} className={row.stale ? "text-amber-800" : "text-slate-600"}>
          <span className="font-medium">{providerName(row.provider)}</span>:{" "}
          {row.pricesAsOf === null ? "every price is an estimate" : `prices as of ${row.pricesAsOf}`}
          {row.estimatedPrices > 0 && row.pricesAsOf !== null ? ` (${row.estimatedPrices} of ${row.instanceItems} estimated)` : ""}
          {row.stale ? (
            <strong className="ml-1 font-medium">
              {row.pricesAsOf === null ? "— refresh from the provider's price list." : `— ${row.ageDays} days old (over ${STALE_AFTER_DAYS}); refresh before relying on it.`}
            </strong>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
