/** Spot flags shown before the rest fold away: a long horizon flags the same stage every month. */
const SPOT_FLAGS_SHOWN = 3;

/**
 * What the reader must not miss, above the figures (after the plan's gaps, plan-gaps.tsx): a
 * scenario that could not be priced, spot shares that would break the SLO (priced on-demand
 * instead), and the projection's warnings.
 */
export function PlanAlerts({
  warnings,
  spotFlags,
  unpricedReason,
}: {
  warnings: readonly string[];
  spotFlags: readonly string[];
  unpricedReason: string | null;
}) {
  const shown = spotFlags.slice(0, SPOT_FLAGS_SHOWN);
  const folded = spotFlags.slice(SPOT_FLAGS_SHOWN);
  return (
    <>
      {unpricedReason ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          This scenario could not be priced beyond on-demand compute: {unpricedReason}
        </p>
      ) : null}
      {spotFlags.length > 0 ? (
        <div role="alert" aria-label="Spot flags" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">
            Spot share flagged in {spotFlags.length} stage-{spotFlags.length === 1 ? "month" : "months"}: priced on-demand instead, because losing the spot
            nodes would break the SLO at the stated risk.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {shown.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
          {folded.length > 0 ? (
            <details className="mt-1">
              <summary className="cursor-pointer">{folded.length} more</summary>
              <ul className="mt-1 list-disc pl-5">
                {folded.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <ul aria-label="Warnings" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
