/**
 * Node groups of the worker stages (stream and batch) in the shape of each provider's own
 * Terraform resource. A managed node group / node pool has one capacity type, so a stage that
 * buys both on-demand and spot nodes becomes two groups: `<stage>` (on-demand) and
 * `<stage>-spot`, the split of the model's purchase mix (lib/model/spot.ts).
 *
 * - AWS `aws_eks_node_group`: instance_types, capacity_type ON_DEMAND | SPOT, scaling_config
 *   { min_size, desired_size, max_size }, labels, taint { key, value, effect NO_SCHEDULE }.
 *   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group
 *   Plus, per stage with spot, the Auto Scaling mixed-instances policy that buys the same split
 *   from one group (self-managed nodes): on_demand_base_capacity, on_demand_percentage_above_base_capacity,
 *   spot_allocation_strategy. https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html
 * - GCP `google_container_node_pool`: node_config { machine_type, spot, labels, taint }, autoscaling
 *   { total_min_node_count, total_max_node_count } (totals across zones).
 *   https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool
 * - Azure `azurerm_kubernetes_cluster_node_pool`: vm_size, priority Regular | Spot, eviction_policy
 *   (Spot only), auto_scaling_enabled, min_count, max_count, node_count, node_labels, node_taints
 *   ("key=value:NoSchedule"), zones.
 *   https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool
 */
import type { Provider } from "@/lib/catalog/schema";
import type { PlanInstanceType } from "@/lib/planning/compute-plan";

import { AKS_NODE_POOL, EKS_NODE_GROUP, GKE_NODE_POOL, LABEL_VALUE, safeName, uniqueNames } from "./names";
import { bool, list, num, obj, str, type TfValue } from "./values";

/** A provider-neutral node group: one stage's nodes of one purchase option. */
export type NodeGroup = {
  key: string;
  stageName: string;
  role: "stream" | "batch";
  capacity: "on-demand" | "spot";
  instance: PlanInstanceType;
  /** Same-size alternatives for a spot group (AWS takes a list); empty otherwise. */
  alternativeInstanceNames: string[];
  minNodes: number;
  desiredNodes: number;
  maxNodes: number;
  zones: number;
  /** Provenance of the group and of each count. */
  note: string;
  minNote: string;
  desiredNote: string;
  maxNote: string;
};

/** The label every group carries and the taint that dedicates its nodes to the stage. */
const STAGE_LABEL = "headroom.io/stage";
const DEDICATED_TAINT = "headroom.io/dedicated";

function labels(group: NodeGroup): TfValue {
  const stage = safeName(group.stageName, LABEL_VALUE);
  return obj([
    [STAGE_LABEL, str(stage)],
    ["headroom.io/role", str(group.role)],
    ["headroom.io/capacity", str(group.capacity)],
  ]);
}

function eksGroups(groups: readonly NodeGroup[]): TfValue {
  const names = uniqueNames(groups.map((group) => group.key), EKS_NODE_GROUP);
  return obj(
    groups.map((group, index) => [
      group.key,
      obj(
        [
          ["node_group_name", str(names[index] ?? group.key)],
          ["instance_types", list([group.instance.name, ...group.alternativeInstanceNames].map((name) => str(name)), group.alternativeInstanceNames.length > 0 ? `${group.instance.name} as planned, then same vCPU and at least the memory, cheapest spot first (diversified spot pools)` : undefined)],
          ["capacity_type", str(group.capacity === "spot" ? "SPOT" : "ON_DEMAND")],
          ["scaling_config", obj([["min_size", num(group.minNodes, group.minNote)], ["desired_size", num(group.desiredNodes, group.desiredNote)], ["max_size", num(group.maxNodes, group.maxNote)]])],
          ["labels", labels(group)],
          ["taints", list([obj([["key", str(DEDICATED_TAINT)], ["value", str(safeName(group.stageName, LABEL_VALUE))], ["effect", str("NO_SCHEDULE")]])])],
        ],
        group.note,
      ),
    ]),
  );
}

function gkePools(groups: readonly NodeGroup[]): TfValue {
  const names = uniqueNames(groups.map((group) => group.key), GKE_NODE_POOL);
  return obj(
    groups.map((group, index) => [
      group.key,
      obj(
        [
          ["name", str(names[index] ?? group.key)],
          ["machine_type", str(group.instance.name)],
          ["spot", bool(group.capacity === "spot")],
          ["node_count", num(group.desiredNodes, `${group.desiredNote} (total across zones; the pool's node_count is per zone)`)],
          ["autoscaling", obj([["total_min_node_count", num(group.minNodes, group.minNote)], ["total_max_node_count", num(group.maxNodes, group.maxNote)]])],
          ["labels", labels(group)],
          ["taints", list([obj([["key", str(DEDICATED_TAINT)], ["value", str(safeName(group.stageName, LABEL_VALUE))], ["effect", str("NO_SCHEDULE")]])])],
        ],
        group.note,
      ),
    ]),
  );
}

function aksPools(groups: readonly NodeGroup[]): TfValue {
  const names = uniqueNames(groups.map((group) => group.key), AKS_NODE_POOL);
  return obj(
    groups.map((group, index) => {
      const spot = group.capacity === "spot";
      return [
        group.key,
        obj(
          [
            ["name", str(names[index] ?? group.key)],
            ["vm_size", str(group.instance.name)],
            ["priority", str(spot ? "Spot" : "Regular")],
            ...(spot ? ([["eviction_policy", str("Delete", "evicted spot nodes are deleted; the autoscaler replaces them")]] as const) : []),
            ["auto_scaling_enabled", bool(true)],
            ["node_count", num(group.desiredNodes, group.desiredNote)],
            ["min_count", num(group.minNodes, group.minNote)],
            ["max_count", num(group.maxNodes, group.maxNote)],
            ["node_labels", labels(group)],
            ["node_taints", list([str(`${DEDICATED_TAINT}=${safeName(group.stageName, LABEL_VALUE)}:NoSchedule`)])],
            ["zones", list(Array.from({ length: group.zones }, (_, zone) => str(String(zone + 1))))],
          ],
          group.note,
        ),
      ];
    }),
  );
}

/** The variable name the node groups go under, per provider. */
export const NODE_GROUPS_VARIABLE: Record<Provider, "eks_node_groups" | "gke_node_pools" | "aks_node_pools"> = {
  aws: "eks_node_groups",
  gcp: "gke_node_pools",
  azure: "aks_node_pools",
};

/** The node groups as the provider's resources take them. */
export function nodeGroupsFor(provider: Provider, groups: readonly NodeGroup[]): TfValue {
  switch (provider) {
    case "aws":
      return eksGroups(groups);
    case "gcp":
      return gkePools(groups);
    case "azure":
      return aksPools(groups);
  }
}
