# Provider-free on purpose: this module only types, validates and reshapes the variables Headroom
# exports, so it can be initialised and planned anywhere (CI without provider downloads included).
# Cross-variable validation conditions need Terraform 1.9 or later.
terraform {
  required_version = ">= 1.9.0"
}
