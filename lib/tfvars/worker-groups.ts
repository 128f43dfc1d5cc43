/**
 * Worker stages (stream, batch) as provider-neutral node groups (node-groups.ts shapes them per
 * provider), and on AWS the mixed-instances policy that buys the same split from one group.
 */
import type { Provider } from "@/lib/catalog/schema";
import { formatNumber } from "@/lib/model/numeric";
import { haPolicy } from "@/lib/model/sizing";
import type { ScenarioSpec } from "@/lib/model/types";
import type { PlanInstanceType } from "@/lib/planning/compute-plan";

import type { StageCut } from "./cut";
import type { NodeGroup } from "./node-groups";
import { HOURS_PER_DAY, usd, why } from "./provenance";
import { list, num, obj, str, type TfValue } from "./values";

/** Spot allocation for diversified pools: AWS's recommended price-capacity-optimized (domain-anchors §4). */
const SPOT_ALLOCATION_STRATEGY = "price-capacity-optimized";
/** At most this many spot alternatives besides the planned type. */
const SPOT_ALTERNATIVES = 4;

/** Same vCPU and architecture, at least the memory, in the plan's region: the node count holds. */
function spotAlternatives(instance: PlanInstanceType, catalog: readonly PlanInstanceType[]): string[] {
  const spotPrice = (type: PlanInstanceType) => type.onDemandUsdPerHour * (1 - type.spotDiscountRatio);
  return catalog
    .filter((type) => type.provider === instance.provider && type.region === instance.region && type.arch === instance.arch && type.vcpu === instance.vcpu && type.memoryGib >= instance.memoryGib && type.name !== instance.name)
    .sort((a, b) => spotPrice(a) - spotPrice(b) || a.name.localeCompare(b.name))
    .slice(0, SPOT_ALTERNATIVES)
    .map((type) => type.name);
}

/** Worker stages' node groups: one per purchase option bought at the point. */
export function workerGroups(cuts: readonly StageCut[], provider: Provider, spec: ScenarioSpec, catalog: readonly PlanInstanceType[], stamp: string): NodeGroup[] {
  return cuts.flatMap((cut): NodeGroup[] => {
    const { stage, sized, priced } = cut;
    if (stage.kind === "broker") return [];
    const role = stage.kind;
    const zones = haPolicy(stage, spec.zones, false).zones;
    const hasSpot = cut.atPoint.spotNodes > 0;
    const cost = `${usd(priced.computeUsdPerMonth)}/month compute for the stage in ${cut.month}`;
    const batchScaleToZero = role === "batch" && sized.activeHoursPerDay < HOURS_PER_DAY;
    const make = (capacity: "on-demand" | "spot", desired: number, lowest: number, extra: number): NodeGroup => ({
      key: capacity === "spot" && cut.atPoint.onDemandNodes > 0 ? `${stage.name}-spot` : stage.name,
      stageName: stage.name,
      role,
      capacity,
      instance: sized.instance,
      alternativeInstanceNames: capacity === "spot" && provider === "aws" ? spotAlternatives(sized.instance, catalog) : [],
      minNodes: batchScaleToZero ? 0 : lowest,
      desiredNodes: desired,
      maxNodes: desired + extra,
      zones,
      note: [`${stage.name} (${role}), ${capacity}: ${why(cut)}`, cost, stamp].join("\n"),
      minNote: batchScaleToZero
        ? `0: the batch runs ${formatNumber(sized.activeHoursPerDay)} h a day; the group scales to zero between runs`
        : `fewest ${capacity} nodes in the point's months (${lowest})`,
      desiredNote: `${capacity} nodes at ${cut.month}${capacity === "spot" && priced.spot ? ` incl. ${priced.spot.bufferNodes} interruption buffer` : ""}`,
      maxNote: extra > 0 ? `+${extra} for the P90 of the Monte Carlo (${cut.p90Nodes ?? ""} sized nodes)` : "no band above the likely case: max = desired",
    });
    const groups: NodeGroup[] = [];
    if (cut.atPoint.onDemandNodes > 0) groups.push(make("on-demand", cut.atPoint.onDemandNodes, cut.lowest.onDemandNodes, hasSpot ? 0 : cut.p90ExtraNodes));
    if (hasSpot) groups.push(make("spot", cut.atPoint.spotNodes, cut.lowest.spotNodes, cut.p90ExtraNodes));
    return groups;
  });
}

/** Per AWS stage with spot: the mixed-instances policy that buys the same split from one group. */
export function mixedInstancesPolicies(cuts: readonly StageCut[], catalog: readonly PlanInstanceType[], stamp: string): TfValue {
  return obj(
    cuts
      .filter((cut) => cut.stage.kind !== "broker" && cut.atPoint.spotNodes > 0)
      .map((cut) => {
        const total = cut.atPoint.onDemandNodes + cut.atPoint.spotNodes;
        return [
          cut.stage.name,
          obj(
            [
              ["instance_types", list([cut.sized.instance.name, ...spotAlternatives(cut.sized.instance, catalog)].map((name) => str(name)))],
              ["min_size", num(cut.lowest.onDemandNodes + cut.lowest.spotNodes, "fewest nodes in the point's months")],
              ["desired_capacity", num(total, `${cut.month}: ${cut.atPoint.onDemandNodes} on-demand + ${cut.atPoint.spotNodes} spot`)],
              ["max_size", num(total + cut.p90ExtraNodes)],
              ["on_demand_base_capacity", num(cut.atPoint.onDemandNodes, "the model's on-demand base (onDemandBaseRatio) and the share above it kept on demand")],
              ["on_demand_percentage_above_base_capacity", num(0, "every node above the base is spot, as the plan buys it")],
              ["spot_allocation_strategy", str(SPOT_ALLOCATION_STRATEGY)],
            ],
            [`${cut.stage.name}: ${why(cut)}`, stamp].join("\n"),
          ),
        ] as const;
      }),
  );
}
