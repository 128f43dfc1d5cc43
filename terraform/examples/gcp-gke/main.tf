# Headroom's capacity plan on an existing GKE cluster: worker node pools (spot and standard),
# a dedicated broker pool per Kafka stage for a Kafka operator (Strimzi), and the GCS lifecycle
# of Kafka's tiered storage. Not applied in Headroom's tests; `terraform fmt -check` keeps it tidy.
terraform {
  required_version = ">= 1.9.0"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.headroom.region
}

variable "project_id" {
  description = "The GCP project."
  type        = string
}

variable "cluster_name" {
  description = "The GKE cluster the pools join (regional, in headroom.region)."
  type        = string
}

variable "node_locations" {
  description = "Zones of the pools; node_count and the autoscaling limits are spread across them."
  type        = list(string)
}

variable "tiered_storage_bucket" {
  description = "Bucket of Kafka's tiered storage / GCS sink; one prefix per broker stage."
  type        = string
}

resource "google_container_node_pool" "workers" {
  for_each = module.capacity.gke_node_pools

  name           = each.value.name
  cluster        = var.cluster_name
  location       = var.headroom.region
  node_locations = var.node_locations
  # node_count is per zone; the export states totals.
  initial_node_count = ceil(each.value.node_count / length(var.node_locations))

  autoscaling {
    total_min_node_count = each.value.autoscaling.total_min_node_count
    total_max_node_count = each.value.autoscaling.total_max_node_count
    location_policy      = each.value.spot ? "ANY" : "BALANCED"
  }

  node_config {
    machine_type    = each.value.machine_type
    spot            = each.value.spot
    labels          = each.value.labels
    resource_labels = each.value.resource_labels

    dynamic "taint" {
      for_each = each.value.taints
      content {
        key    = taint.value.key
        value  = taint.value.value
        effect = taint.value.effect
      }
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]
  }
}

resource "google_container_node_pool" "kafka_brokers" {
  for_each = module.capacity.kafka_brokers

  name           = substr("kafka-${replace(lower(each.key), "/[^a-z0-9-]/", "-")}", 0, 40)
  cluster        = var.cluster_name
  location       = var.headroom.region
  node_locations = slice(var.node_locations, 0, each.value.zone_count)
  node_count     = each.value.brokers_per_zone

  node_config {
    machine_type = each.value.instance_type
    labels       = { "headroom.io/kafka" = replace(each.key, "/[^A-Za-z0-9_.-]/", "-") }
    # Broker data lives on persistent volumes the operator claims: size_gib each, with
    # throughput_mibps / iops provisioned on a Hyperdisk Balanced storage class.
  }
}

resource "google_storage_bucket" "tiers" {
  name     = var.tiered_storage_bucket
  location = var.headroom.region

  dynamic "lifecycle_rule" {
    for_each = { for stage, rule in module.capacity.storage_lifecycle_rules : stage => rule if rule.warm_after_days != null }
    content {
      condition {
        age            = ceil(lifecycle_rule.value.warm_after_days)
        matches_prefix = ["${lifecycle_rule.key}/"]
      }
      action {
        type          = "SetStorageClass"
        storage_class = "NEARLINE"
      }
    }
  }

  dynamic "lifecycle_rule" {
    for_each = { for stage, rule in module.capacity.storage_lifecycle_rules : stage => rule if rule.cold_after_days != null }
    content {
      condition {
        age            = ceil(lifecycle_rule.value.cold_after_days)
        matches_prefix = ["${lifecycle_rule.key}/"]
      }
      action {
        type          = "SetStorageClass"
        storage_class = "COLDLINE"
      }
    }
  }

  dynamic "lifecycle_rule" {
    for_each = module.capacity.storage_lifecycle_rules
    content {
      condition {
        age            = ceil(lifecycle_rule.value.expire_after_days)
        matches_prefix = ["${lifecycle_rule.key}/"]
      }
      action {
        type = "Delete"
      }
    }
  }
}

output "kafka_brokers" {
  description = "Broker count and volumes for the Kafka operator's resource."
  value       = module.capacity.kafka_brokers
}

output "total_nodes" {
  value = module.capacity.total_nodes
}
