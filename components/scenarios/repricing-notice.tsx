import Link from "next/link";
import { PriceChangesTable } from "@/components/catalog/price-changes-table";
import { ActionButton } from "@/components/workloads/action-button";
import { repriceScenarioAction } from "@/lib/actions/scenarios";
import type { PriceChange } from "@/lib/catalog/diff";

/** How many changed prices the notice lists before it points to the catalog page. */
const SHOWN_CHANGES = 12;

/**
 * Shown when prices the scenario uses moved since it was priced: which catalog it is still priced with,
 * what changed in its region, and a button to re-price it on the current catalog.
 */
export function RepricingNotice({
  scenarioId,
  pricedWith,
  current,
  changes,
}: {
  scenarioId: string;
  pricedWith: string;
  current: string;
  changes: PriceChange[];
}) {
  return (
    <section aria-labelledby="repricing-title" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-5 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="repricing-title" className="font-semibold text-amber-900">
            Prices changed since this scenario was priced
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            The figures below are priced with catalog <span className="font-mono">{pricedWith}</span>; the current catalog is{" "}
            <span className="font-mono">{current}</span>.{" "}
            {`${changes.length} ${changes.length === 1 ? "price" : "prices"} it uses changed.`}{" "}
            <Link href="/catalog" className="underline">
              Catalog and override history
            </Link>
          </p>
        </div>
        <ActionButton action={repriceScenarioAction.bind(null, scenarioId)}>Re-price on the current catalog</ActionButton>
      </div>
      <div className="mt-3 rounded-md bg-white">
        <PriceChangesTable changes={changes} label="Prices changed since" limit={SHOWN_CHANGES} />
      </div>
    </section>
  );
}
