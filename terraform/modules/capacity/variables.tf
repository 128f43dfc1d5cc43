# The variables of a Headroom export (`<scenario>.auto.tfvars` / `.auto.tfvars.json`), exactly as
# lib/tfvars/build.ts writes them. Counts are whole numbers; min ≤ desired ≤ max everywhere.

variable "headroom" {
  description = "Provenance of the export: scenario, point of the plan, provider and region, catalog and model versions, generation time, and stages the plan could not size at that point."
  type = object({
    scenario_id            = string
    scenario_name          = string
    scenario_version       = number
    workload_version       = number
    point                  = string
    from_month             = string
    to_month               = string
    provider               = string
    region                 = string
    priced_catalog_version = string
    model_version          = string
    generated_at           = string
    unsized_stages = list(object({
      stage  = string
      reason = string
    }))
  })
  nullable = false

  validation {
    condition     = contains(["aws", "gcp", "azure"], var.headroom.provider)
    error_message = "headroom.provider must be \"aws\", \"gcp\" or \"azure\"."
  }
  validation {
    condition     = (var.headroom.provider == "aws") == (var.eks_node_groups != null) && (var.headroom.provider == "gcp") == (var.gke_node_pools != null) && (var.headroom.provider == "azure") == (var.aks_node_pools != null)
    error_message = "Give exactly the node-group variable of headroom.provider: eks_node_groups for aws, gke_node_pools for gcp, aks_node_pools for azure."
  }
  validation {
    condition     = can(regex("^[0-9]{4}-(0[1-9]|1[0-2])$", var.headroom.from_month)) && can(regex("^[0-9]{4}-(0[1-9]|1[0-2])$", var.headroom.to_month)) && tonumber(replace(var.headroom.from_month, "-", "")) <= tonumber(replace(var.headroom.to_month, "-", ""))
    error_message = "headroom.from_month and headroom.to_month must be YYYY-MM months with from_month <= to_month."
  }
  validation {
    condition     = var.headroom.scenario_version >= 1 && var.headroom.workload_version >= 1 && floor(var.headroom.scenario_version) == var.headroom.scenario_version && floor(var.headroom.workload_version) == var.headroom.workload_version
    error_message = "headroom.scenario_version and headroom.workload_version must be whole numbers >= 1."
  }
}

variable "eks_node_groups" {
  description = "AWS: worker node groups in aws_eks_node_group's shape, one per stage and capacity type (a stage buying on-demand and spot has <stage> and <stage>-spot). Null for other providers."
  type = map(object({
    node_group_name = string
    instance_types  = list(string)
    capacity_type   = string
    scaling_config = object({
      min_size     = number
      desired_size = number
      max_size     = number
    })
    labels = map(string)
    taints = list(object({
      key    = string
      value  = string
      effect = string
    }))
  }))
  default = null

  validation {
    condition     = var.eks_node_groups == null ? true : alltrue([for g in values(var.eks_node_groups) : contains(["ON_DEMAND", "SPOT"], g.capacity_type)])
    error_message = "eks_node_groups: capacity_type must be \"ON_DEMAND\" or \"SPOT\"."
  }
  validation {
    condition = var.eks_node_groups == null ? true : alltrue([for g in values(var.eks_node_groups) :
      g.scaling_config.min_size >= 0 && g.scaling_config.desired_size >= 1 &&
      floor(g.scaling_config.min_size) == g.scaling_config.min_size && floor(g.scaling_config.desired_size) == g.scaling_config.desired_size && floor(g.scaling_config.max_size) == g.scaling_config.max_size
    ])
    error_message = "eks_node_groups: scaling_config sizes must be whole numbers, min_size >= 0 and desired_size >= 1."
  }
  validation {
    condition     = var.eks_node_groups == null ? true : alltrue([for g in values(var.eks_node_groups) : g.scaling_config.min_size <= g.scaling_config.desired_size && g.scaling_config.desired_size <= g.scaling_config.max_size])
    error_message = "eks_node_groups: scaling_config must have min_size <= desired_size <= max_size."
  }
  validation {
    condition     = var.eks_node_groups == null ? true : alltrue([for g in values(var.eks_node_groups) : length(g.instance_types) >= 1 && can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", g.node_group_name))])
    error_message = "eks_node_groups: each group needs at least one instance type and a node_group_name of 1-63 letters, digits, - and _."
  }
  validation {
    condition     = var.eks_node_groups == null ? true : alltrue(flatten([for g in values(var.eks_node_groups) : [for t in g.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)]]))
    error_message = "eks_node_groups: taint effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }
}

variable "aws_mixed_instances_policies" {
  description = "AWS: per stage with spot, the Auto Scaling mixed-instances policy that buys the same on-demand/spot split from one self-managed group. Empty for other providers."
  type = map(object({
    instance_types                           = list(string)
    min_size                                 = number
    desired_capacity                         = number
    max_size                                 = number
    on_demand_base_capacity                  = number
    on_demand_percentage_above_base_capacity = number
    spot_allocation_strategy                 = string
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for p in values(var.aws_mixed_instances_policies) : p.on_demand_percentage_above_base_capacity >= 0 && p.on_demand_percentage_above_base_capacity <= 100])
    error_message = "aws_mixed_instances_policies: on_demand_percentage_above_base_capacity must be between 0 and 100."
  }
  validation {
    condition     = alltrue([for p in values(var.aws_mixed_instances_policies) : p.min_size >= 0 && p.desired_capacity >= 1 && p.min_size <= p.desired_capacity && p.desired_capacity <= p.max_size && p.on_demand_base_capacity >= 0 && p.on_demand_base_capacity <= p.desired_capacity])
    error_message = "aws_mixed_instances_policies: need min_size <= desired_capacity <= max_size, desired_capacity >= 1 and 0 <= on_demand_base_capacity <= desired_capacity."
  }
  validation {
    condition     = alltrue([for p in values(var.aws_mixed_instances_policies) : contains(["price-capacity-optimized", "capacity-optimized", "capacity-optimized-prioritized", "lowest-price"], p.spot_allocation_strategy)])
    error_message = "aws_mixed_instances_policies: spot_allocation_strategy must be price-capacity-optimized, capacity-optimized, capacity-optimized-prioritized or lowest-price."
  }
}

variable "gke_node_pools" {
  description = "GCP: worker node pools in google_container_node_pool's shape; node_count and the autoscaling limits are totals across zones. Null for other providers."
  type = map(object({
    name         = string
    machine_type = string
    spot         = bool
    node_count   = number
    autoscaling = object({
      total_min_node_count = number
      total_max_node_count = number
    })
    labels = map(string)
    taints = list(object({
      key    = string
      value  = string
      effect = string
    }))
  }))
  default = null

  validation {
    condition = var.gke_node_pools == null ? true : alltrue([for p in values(var.gke_node_pools) :
      p.node_count >= 1 && p.autoscaling.total_min_node_count >= 0 && floor(p.node_count) == p.node_count &&
      floor(p.autoscaling.total_min_node_count) == p.autoscaling.total_min_node_count && floor(p.autoscaling.total_max_node_count) == p.autoscaling.total_max_node_count
    ])
    error_message = "gke_node_pools: counts must be whole numbers, node_count >= 1 and total_min_node_count >= 0."
  }
  validation {
    condition     = var.gke_node_pools == null ? true : alltrue([for p in values(var.gke_node_pools) : p.autoscaling.total_min_node_count <= p.node_count && p.node_count <= p.autoscaling.total_max_node_count])
    error_message = "gke_node_pools: need total_min_node_count <= node_count <= total_max_node_count."
  }
  validation {
    condition     = var.gke_node_pools == null ? true : alltrue([for p in values(var.gke_node_pools) : can(regex("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$", p.name))])
    error_message = "gke_node_pools: name must be up to 40 lowercase letters, digits and -, starting with a letter."
  }
  validation {
    condition     = var.gke_node_pools == null ? true : alltrue(flatten([for p in values(var.gke_node_pools) : [for t in p.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)]]))
    error_message = "gke_node_pools: taint effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }
}

variable "aks_node_pools" {
  description = "Azure: worker node pools in azurerm_kubernetes_cluster_node_pool's shape. Null for other providers."
  type = map(object({
    name                 = string
    vm_size              = string
    priority             = string
    eviction_policy      = optional(string)
    auto_scaling_enabled = bool
    node_count           = number
    min_count            = number
    max_count            = number
    node_labels          = map(string)
    node_taints          = list(string)
    zones                = list(string)
  }))
  default = null

  validation {
    condition     = var.aks_node_pools == null ? true : alltrue([for p in values(var.aks_node_pools) : contains(["Regular", "Spot"], p.priority) && (p.priority == "Spot" ? contains(["Delete", "Deallocate"], coalesce(p.eviction_policy, "missing")) : p.eviction_policy == null)])
    error_message = "aks_node_pools: priority must be \"Regular\" or \"Spot\"; Spot pools need eviction_policy \"Delete\" or \"Deallocate\", Regular pools none."
  }
  validation {
    condition = var.aks_node_pools == null ? true : alltrue([for p in values(var.aks_node_pools) :
      p.node_count >= 1 && p.min_count >= 0 && floor(p.node_count) == p.node_count && floor(p.min_count) == p.min_count && floor(p.max_count) == p.max_count
    ])
    error_message = "aks_node_pools: counts must be whole numbers, node_count >= 1 and min_count >= 0."
  }
  validation {
    condition     = var.aks_node_pools == null ? true : alltrue([for p in values(var.aks_node_pools) : p.min_count <= p.node_count && p.node_count <= p.max_count])
    error_message = "aks_node_pools: need min_count <= node_count <= max_count."
  }
  validation {
    condition     = var.aks_node_pools == null ? true : alltrue([for p in values(var.aks_node_pools) : can(regex("^[a-z][a-z0-9]{0,11}$", p.name))])
    error_message = "aks_node_pools: name must be up to 12 lowercase letters and digits, starting with a letter."
  }
}

variable "kafka_brokers" {
  description = "Kafka broker clusters (MSK or self-managed) per broker stage: broker count, instance type, zones, and each broker's volume (GiB, provisioned MiB/s and IOPS)."
  type = map(object({
    broker_count  = number
    instance_type = string
    zone_count    = number
    volume = object({
      kind             = string
      size_gib         = number
      throughput_mibps = number
      iops             = number
    })
  }))
  nullable = false

  validation {
    condition     = alltrue([for b in values(var.kafka_brokers) : b.broker_count >= 1 && b.zone_count >= 1 && floor(b.broker_count) == b.broker_count && floor(b.zone_count) == b.zone_count])
    error_message = "kafka_brokers: broker_count and zone_count must be whole numbers >= 1."
  }
  validation {
    condition     = alltrue([for b in values(var.kafka_brokers) : b.broker_count % b.zone_count == 0])
    error_message = "kafka_brokers: broker_count must be a multiple of zone_count (an equal count per zone)."
  }
  validation {
    condition     = alltrue([for b in values(var.kafka_brokers) : contains(["volume", "local"], b.volume.kind) && b.volume.size_gib >= 1 && b.volume.throughput_mibps >= 1 && b.volume.iops >= 1])
    error_message = "kafka_brokers: volume kind must be \"volume\" or \"local\", and size_gib, throughput_mibps and iops >= 1."
  }
}

variable "kafka_topics" {
  description = "Kafka topic settings per broker stage: partitions, replication factor, min.insync.replicas, retention.ms and local.retention.ms (-2 = follow retention.ms)."
  type = map(object({
    partitions          = number
    replication_factor  = number
    min_insync_replicas = number
    retention_ms        = number
    local_retention_ms  = number
  }))
  nullable = false

  validation {
    condition     = alltrue([for t in values(var.kafka_topics) : t.partitions >= 1 && t.replication_factor >= 1 && t.min_insync_replicas >= 1 && t.min_insync_replicas <= t.replication_factor])
    error_message = "kafka_topics: partitions and replication_factor must be >= 1, and 1 <= min_insync_replicas <= replication_factor."
  }
  validation {
    condition     = alltrue([for t in values(var.kafka_topics) : t.retention_ms >= 1 && (t.local_retention_ms == -2 || (t.local_retention_ms >= 0 && t.local_retention_ms <= t.retention_ms))])
    error_message = "kafka_topics: retention_ms must be >= 1 and local_retention_ms -2 or between 0 and retention_ms."
  }
  validation {
    condition     = alltrue([for stage, t in var.kafka_topics : contains(keys(var.kafka_brokers), stage) ? t.replication_factor <= var.kafka_brokers[stage].broker_count : true])
    error_message = "kafka_topics: replication_factor must not exceed the stage's broker_count."
  }
}

variable "stream_jobs" {
  description = "Flink jobs (or consumer groups) per stream stage: parallelism = taskmanager_count x taskmanager_slots, task-manager memory, source partitions."
  type = map(object({
    parallelism            = number
    taskmanager_count      = number
    taskmanager_slots      = number
    taskmanager_memory_gib = number
    source_partitions      = number
  }))
  nullable = false

  validation {
    condition     = alltrue([for j in values(var.stream_jobs) : j.taskmanager_count >= 1 && j.taskmanager_slots >= 1 && j.parallelism >= 1 && j.parallelism <= j.taskmanager_count * j.taskmanager_slots])
    error_message = "stream_jobs: counts must be >= 1 and parallelism <= taskmanager_count x taskmanager_slots."
  }
  validation {
    condition     = alltrue([for j in values(var.stream_jobs) : j.source_partitions >= j.parallelism && j.taskmanager_memory_gib > 0])
    error_message = "stream_jobs: source_partitions must be >= parallelism and taskmanager_memory_gib > 0."
  }
}

variable "batch_jobs" {
  description = "Spark jobs per batch stage: executors (count, cores, memory GiB), runs per day and completion window."
  type = map(object({
    executor_count          = number
    executor_cores          = number
    executor_memory_gib     = number
    runs_per_day            = number
    completion_window_hours = number
  }))
  nullable = false

  validation {
    condition     = alltrue([for j in values(var.batch_jobs) : j.executor_count >= 1 && j.executor_cores >= 1 && j.executor_memory_gib > 0 && j.runs_per_day > 0 && j.completion_window_hours > 0])
    error_message = "batch_jobs: executor_count and executor_cores must be >= 1; memory, runs per day and window > 0."
  }
}

variable "autoscaling" {
  description = "HPA / KEDA settings per stream stage from the queueing model: replica range, target CPU utilization (percent) and the consumer-lag threshold per replica."
  type = map(object({
    min_replicas                   = number
    max_replicas                   = number
    target_cpu_utilization_percent = number
    keda_lag_threshold             = number
  }))
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.autoscaling) : a.min_replicas >= 1 && a.min_replicas <= a.max_replicas])
    error_message = "autoscaling: need 1 <= min_replicas <= max_replicas."
  }
  validation {
    condition     = alltrue([for a in values(var.autoscaling) : a.target_cpu_utilization_percent > 0 && a.target_cpu_utilization_percent <= 100 && a.keda_lag_threshold >= 1])
    error_message = "autoscaling: target_cpu_utilization_percent must be in (0, 100] and keda_lag_threshold >= 1."
  }
}

variable "storage_lifecycle" {
  description = "Days of retained data per tier for each broker stage: hot (broker disks), warm and cold (object storage); they add up to retention_days."
  type = map(object({
    retention_days = number
    hot_days       = number
    warm_days      = number
    cold_days      = number
  }))
  nullable = false

  validation {
    condition     = alltrue([for s in values(var.storage_lifecycle) : s.retention_days > 0 && s.hot_days >= 0 && s.warm_days >= 0 && s.cold_days >= 0 && abs(s.hot_days + s.warm_days + s.cold_days - s.retention_days) < 0.000001])
    error_message = "storage_lifecycle: days must be >= 0 and hot_days + warm_days + cold_days must equal retention_days."
  }
}

variable "disaster_recovery" {
  description = "The DR strategy the plan prices (none, backup-restore, pilot-light, warm-standby, active-active) with its RTO/RPO in minutes, backup mode (periodic-full copies or a continuous object-store sink) and schedule, and the standby's nodes per stage."
  type = object({
    strategy              = string
    rto_minutes           = optional(number)
    rpo_minutes           = optional(number)
    backup_mode           = optional(string, "periodic-full")
    backup_interval_hours = number
    backup_retention_days = number
    standby_nodes         = map(number)
  })
  nullable = false

  validation {
    condition     = contains(["none", "backup-restore", "pilot-light", "warm-standby", "active-active"], var.disaster_recovery.strategy)
    error_message = "disaster_recovery.strategy must be none, backup-restore, pilot-light, warm-standby or active-active."
  }
  validation {
    condition     = contains(["periodic-full", "continuous"], var.disaster_recovery.backup_mode)
    error_message = "disaster_recovery.backup_mode must be periodic-full or continuous."
  }
  validation {
    condition     = var.disaster_recovery.backup_interval_hours > 0 && var.disaster_recovery.backup_retention_days > 0 && alltrue([for n in values(var.disaster_recovery.standby_nodes) : n >= 1 && floor(n) == n])
    error_message = "disaster_recovery: backup interval and retention must be > 0 and standby node counts whole numbers >= 1."
  }
}

variable "tags" {
  description = "Tags for every resource: team, Headroom scenario id and version, plan version."
  type        = map(string)
  nullable    = false

  validation {
    condition     = alltrue([for key in ["team", "headroom_scenario_id", "headroom_plan_version"] : contains(keys(var.tags), key)])
    error_message = "tags must include team, headroom_scenario_id and headroom_plan_version."
  }
}
