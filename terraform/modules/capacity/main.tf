# Reshapes the exported variables into what provider resources consume: every worker group in one
# provider-neutral list (with the stage's tags), the provider's own groups with tags merged in,
# object-storage lifecycle rules as transition days, and totals for a quick review in `plan`.

locals {
  # Worker groups, whichever provider's variable carries them.
  worker_groups = merge(
    { for key, g in coalesce(var.eks_node_groups, {}) : key => {
      name          = g.node_group_name
      stage         = g.labels["headroom.io/stage"]
      spot          = g.capacity_type == "SPOT"
      instance_type = g.instance_types[0]
      min_nodes     = g.scaling_config.min_size
      desired_nodes = g.scaling_config.desired_size
      max_nodes     = g.scaling_config.max_size
    } },
    { for key, p in coalesce(var.gke_node_pools, {}) : key => {
      name          = p.name
      stage         = p.labels["headroom.io/stage"]
      spot          = p.spot
      instance_type = p.machine_type
      min_nodes     = p.autoscaling.total_min_node_count
      desired_nodes = p.node_count
      max_nodes     = p.autoscaling.total_max_node_count
    } },
    { for key, p in coalesce(var.aks_node_pools, {}) : key => {
      name          = p.name
      stage         = p.node_labels["headroom.io/stage"]
      spot          = p.priority == "Spot"
      instance_type = p.vm_size
      min_nodes     = p.min_count
      desired_nodes = p.node_count
      max_nodes     = p.max_count
    } },
  )

  # Object-storage lifecycle per broker stage: move to warm after the hot days, to cold after hot +
  # warm, delete at retention (S3 lifecycle transitions / GCS SetStorageClass / Azure tierToCool).
  lifecycle_rules = { for stage, s in var.storage_lifecycle : stage => {
    warm_after_days   = s.warm_days > 0 ? s.hot_days : null
    cold_after_days   = s.cold_days > 0 ? s.hot_days + s.warm_days : null
    expire_after_days = s.retention_days
  } }
}
