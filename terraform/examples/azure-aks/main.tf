# Headroom's capacity plan on an existing AKS cluster: worker node pools (Spot and Regular), a
# broker pool per Kafka stage for a Kafka operator (Strimzi), and the blob lifecycle of Kafka's
# tiered storage. Not applied in Headroom's tests; `terraform fmt -check` keeps it tidy.
terraform {
  required_version = ">= 1.9.0"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "kubernetes_cluster_id" {
  description = "The AKS cluster the pools join."
  type        = string
}

variable "vnet_subnet_id" {
  description = "Subnet of the node pools."
  type        = string
}

variable "storage_account_id" {
  description = "Storage account of Kafka's tiered storage / blob sink; one prefix per broker stage."
  type        = string
}

resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  for_each = module.capacity.aks_node_pools

  name                  = each.value.name
  kubernetes_cluster_id = var.kubernetes_cluster_id
  vnet_subnet_id        = var.vnet_subnet_id
  vm_size               = each.value.vm_size
  priority              = each.value.priority
  eviction_policy       = each.value.eviction_policy
  # -1: pay up to the on-demand price, never evicted for price (Azure Spot).
  spot_max_price       = each.value.priority == "Spot" ? -1 : null
  auto_scaling_enabled = each.value.auto_scaling_enabled
  node_count           = each.value.node_count
  min_count            = each.value.min_count
  max_count            = each.value.max_count
  node_labels          = each.value.node_labels
  node_taints          = each.value.node_taints
  zones                = each.value.zones
  tags                 = each.value.tags

  lifecycle {
    ignore_changes = [node_count]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "kafka_brokers" {
  for_each = module.capacity.kafka_brokers

  name                  = substr("kafka${replace(lower(each.key), "/[^a-z0-9]/", "")}", 0, 12)
  kubernetes_cluster_id = var.kubernetes_cluster_id
  vnet_subnet_id        = var.vnet_subnet_id
  vm_size               = each.value.instance_type
  node_count            = each.value.broker_count
  zones                 = [for zone in range(each.value.zone_count) : tostring(zone + 1)]
  node_labels           = { "headroom.io/kafka" = replace(each.key, "/[^A-Za-z0-9_.-]/", "-") }
  tags                  = module.capacity.tags
  # Broker data lives on Premium SSD v2 volumes the operator claims: size_gib each, with
  # throughput_mibps / iops set on the storage class.
}

resource "azurerm_storage_management_policy" "tiers" {
  storage_account_id = var.storage_account_id

  dynamic "rule" {
    for_each = module.capacity.storage_lifecycle_rules
    content {
      name    = substr(replace(rule.key, "/[^A-Za-z0-9]/", ""), 0, 64)
      enabled = true
      filters {
        prefix_match = ["${rule.key}/"]
        blob_types   = ["blockBlob"]
      }
      actions {
        base_blob {
          tier_to_cool_after_days_since_modification_greater_than = rule.value.warm_after_days
          tier_to_cold_after_days_since_modification_greater_than = rule.value.cold_after_days
          delete_after_days_since_modification_greater_than       = rule.value.expire_after_days
        }
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
