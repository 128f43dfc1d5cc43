/** Provenance sentences shared by the variables' notes. */
import { formatNumber } from "@/lib/model/numeric";

import type { StageCut } from "./cut";

/** Hours in a day: a node group active fewer hours than this can scale to zero between runs. */
export const HOURS_PER_DAY = 24;

/** USD for a note, to the cent (display only). */
export function usd(value: number): string {
  return `$${formatNumber(Math.round(value * 100) / 100)}`;
}

/** The binding constraint's sentence of a cut, with the month it comes from. */
export function why(cut: StageCut): string {
  return `${cut.month}: binding ${cut.sized.bindingConstraint} — ${cut.sized.reason}`;
}
