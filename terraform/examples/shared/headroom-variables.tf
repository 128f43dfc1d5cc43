# The variables of a Headroom export, shared by every example: each example links this file
# (headroom-variables.tf -> ../shared/headroom-variables.tf); put `<scenario>.auto.tfvars` in the
# example's folder. They are typed and validated once, in modules/capacity; here they only pass through.
variable "headroom" { type = any }
variable "eks_node_groups" {
  type    = any
  default = null
}
variable "aws_mixed_instances_policies" {
  type    = any
  default = {}
}
variable "gke_node_pools" {
  type    = any
  default = null
}
variable "aks_node_pools" {
  type    = any
  default = null
}
variable "kafka_brokers" { type = any }
variable "kafka_topics" { type = any }
variable "stream_jobs" { type = any }
variable "batch_jobs" { type = any }
variable "autoscaling" { type = any }
variable "storage_lifecycle" { type = any }
variable "disaster_recovery" { type = any }
variable "tags" { type = map(string) }
module "capacity" {
  source = "../../modules/capacity"

  headroom                     = var.headroom
  eks_node_groups              = var.eks_node_groups
  aws_mixed_instances_policies = var.aws_mixed_instances_policies
  gke_node_pools               = var.gke_node_pools
  aks_node_pools               = var.aks_node_pools
  kafka_brokers                = var.kafka_brokers
  kafka_topics                 = var.kafka_topics
  stream_jobs                  = var.stream_jobs
  batch_jobs                   = var.batch_jobs
  autoscaling                  = var.autoscaling
  storage_lifecycle            = var.storage_lifecycle
  disaster_recovery            = var.disaster_recovery
  tags                         = var.tags
}
