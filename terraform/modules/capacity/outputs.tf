output "provenance" {
  description = "Where the values come from: scenario, point, provider, region, versions, generation time, unsized stages."
  value       = var.headroom
}

output "tags" {
  description = "Tags for every resource."
  value       = var.tags
}

output "worker_groups" {
  description = "Every worker node group, provider-neutral: name, stage, spot or not, instance type, min/desired/max nodes."
  value       = local.worker_groups
}

output "eks_node_groups" {
  description = "AWS: the node groups for aws_eks_node_group (for_each), tags merged in; empty for other providers."
  value       = { for key, g in coalesce(var.eks_node_groups, {}) : key => merge(g, { tags = var.tags }) }
}

output "aws_mixed_instances_policies" {
  description = "AWS: mixed-instances policies for self-managed aws_autoscaling_group, per stage with spot."
  value       = var.aws_mixed_instances_policies
}

output "gke_node_pools" {
  description = "GCP: the node pools for google_container_node_pool (for_each), resource labels from the tags; empty for other providers."
  value       = { for key, p in coalesce(var.gke_node_pools, {}) : key => merge(p, { resource_labels = { for k, v in var.tags : lower(replace(k, "/[^A-Za-z0-9_-]/", "_")) => lower(replace(v, "/[^A-Za-z0-9_-]/", "_")) } }) }
}

output "aks_node_pools" {
  description = "Azure: the node pools for azurerm_kubernetes_cluster_node_pool (for_each), tags merged in; empty for other providers."
  value       = { for key, p in coalesce(var.aks_node_pools, {}) : key => merge(p, { tags = var.tags }) }
}

output "kafka_brokers" {
  description = "Kafka broker clusters per broker stage, with brokers per zone."
  value       = { for stage, b in var.kafka_brokers : stage => merge(b, { brokers_per_zone = b.broker_count / b.zone_count }) }
}

output "kafka_topics" {
  description = "Kafka topic settings per broker stage, as topic config keys."
  value = { for stage, t in var.kafka_topics : stage => {
    partitions         = t.partitions
    replication_factor = t.replication_factor
    config = {
      "min.insync.replicas" = tostring(t.min_insync_replicas)
      "retention.ms"        = tostring(t.retention_ms)
      "local.retention.ms"  = tostring(t.local_retention_ms)
    }
  } }
}

output "stream_jobs" {
  description = "Flink job settings per stream stage."
  value       = var.stream_jobs
}

output "batch_jobs" {
  description = "Spark job settings per batch stage."
  value       = var.batch_jobs
}

output "autoscaling" {
  description = "HPA / KEDA settings per stream stage."
  value       = var.autoscaling
}

output "storage_lifecycle_rules" {
  description = "Object-storage lifecycle per broker stage: days until warm, until cold (null when the tier is unused) and until deletion."
  value       = local.lifecycle_rules
}

output "disaster_recovery" {
  description = "DR strategy, RTO/RPO, backup schedule and standby nodes."
  value       = var.disaster_recovery
}

output "total_nodes" {
  description = "Nodes at the exported point: workers (desired) plus brokers."
  value       = sum(concat([for g in values(local.worker_groups) : g.desired_nodes], [for b in values(var.kafka_brokers) : b.broker_count], [0]))
}
