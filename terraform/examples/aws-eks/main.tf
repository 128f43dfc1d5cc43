# Headroom's capacity plan on an existing EKS cluster: worker node groups (on-demand and spot,
# one aws_eks_node_group each), Kafka on MSK, and the S3 lifecycle of Kafka's tiered storage.
# Not applied in Headroom's tests (no providers can be downloaded there); `terraform fmt -check`
# keeps it tidy. Usage: copy `<scenario>.auto.tfvars` here, set the cluster inputs, plan.
terraform {
  required_version = ">= 1.9.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.headroom.region
  default_tags {
    tags = module.capacity.tags
  }
}

variable "cluster_name" {
  description = "The EKS cluster the node groups join."
  type        = string
}

variable "node_role_arn" {
  description = "IAM role of the worker nodes."
  type        = string
}

variable "private_subnet_ids" {
  description = "One private subnet per zone; MSK needs as many as the brokers' zone_count."
  type        = list(string)
}

variable "kafka_security_group_id" {
  description = "Security group of the MSK brokers."
  type        = string
}

variable "kafka_version" {
  description = "Kafka version of the MSK clusters."
  type        = string
  default     = "3.8.x"
}

variable "tiered_storage_bucket" {
  description = "Bucket of Kafka's tiered storage / S3 sink; one prefix per broker stage."
  type        = string
}

resource "aws_eks_node_group" "workers" {
  for_each = module.capacity.eks_node_groups

  cluster_name    = var.cluster_name
  node_group_name = each.value.node_group_name
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.private_subnet_ids
  instance_types  = each.value.instance_types
  capacity_type   = each.value.capacity_type
  labels          = each.value.labels
  tags            = each.value.tags

  scaling_config {
    min_size     = each.value.scaling_config.min_size
    desired_size = each.value.scaling_config.desired_size
    max_size     = each.value.scaling_config.max_size
  }

  dynamic "taint" {
    for_each = each.value.taints
    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  lifecycle {
    # The cluster autoscaler moves the desired size between min and max; a new export resets
    # min/max, not the live count.
    ignore_changes = [scaling_config[0].desired_size]
  }
}

resource "aws_msk_cluster" "kafka" {
  # Brokers the plan put on EBS volumes; brokers on local NVMe (volume.kind = "local") run
  # self-managed on that instance type, which MSK does not offer.
  for_each = { for stage, b in module.capacity.kafka_brokers : stage => b if b.volume.kind == "volume" }

  cluster_name           = each.key
  kafka_version          = var.kafka_version
  number_of_broker_nodes = each.value.broker_count

  broker_node_group_info {
    # MSK names its types kafka.<ec2 type>; where the planned EC2 type has no MSK equivalent,
    # run self-managed brokers (e.g. Strimzi on a node group) with the same count and volumes.
    instance_type   = "kafka.${each.value.instance_type}"
    client_subnets  = slice(var.private_subnet_ids, 0, each.value.zone_count)
    security_groups = [var.kafka_security_group_id]

    storage_info {
      ebs_storage_info {
        volume_size = each.value.volume.size_gib
        provisioned_throughput {
          # MSK provisions throughput from 250 MiB/s; below that the volume's baseline serves.
          enabled           = each.value.volume.throughput_mibps > 250
          volume_throughput = max(250, each.value.volume.throughput_mibps)
        }
      }
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "tiers" {
  bucket = var.tiered_storage_bucket

  dynamic "rule" {
    for_each = module.capacity.storage_lifecycle_rules
    content {
      id     = rule.key
      status = "Enabled"
      filter {
        prefix = "${rule.key}/"
      }
      dynamic "transition" {
        for_each = rule.value.warm_after_days == null ? [] : [rule.value.warm_after_days]
        content {
          days          = ceil(transition.value)
          storage_class = "STANDARD_IA"
        }
      }
      dynamic "transition" {
        for_each = rule.value.cold_after_days == null ? [] : [rule.value.cold_after_days]
        content {
          days          = ceil(transition.value)
          storage_class = "GLACIER_IR"
        }
      }
      expiration {
        days = ceil(rule.value.expire_after_days)
      }
    }
  }
}

output "kafka_topics" {
  description = "Topic settings to apply with your Kafka provider or operator."
  value       = module.capacity.kafka_topics
}

output "total_nodes" {
  value = module.capacity.total_nodes
}
