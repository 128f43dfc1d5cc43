/**
 * Who may do what: the one place a permission is decided. Pure (no I/O): pages, server actions and
 * route handlers resolve the caller (lib/services/principal.ts) and ask {@link can}; a refusal
 * carries the sentence the UI shows ({@link refusalMessage}).
 *
 * Roles are cumulative from viewer, except that architect and finops are siblings: an architect
 * cannot set budgets and a FinOps analyst cannot edit pipelines. Only admins delete.
 */

export const ROLES = ["viewer", "architect", "finops", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * - `read`: see every page, export CSV/JSON, download Terraform variables.
 * - `workloads.write`: create and edit workloads and scenarios, import workload documents, save what-ifs.
 * - `finops.write`: budgets, discounts, catalog imports and price overrides, re-pricing, plans of record.
 * - `delete`: delete (and restore) workloads and scenarios.
 * - `admin`: members, API tokens, the audit log.
 */
export const PERMISSIONS = ["read", "workloads.write", "finops.write", "delete", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ["read"],
  architect: ["read", "workloads.write"],
  finops: ["read", "finops.write"],
  admin: PERMISSIONS,
};

/** What a permission lets one do, completing "Your role (viewer) cannot …". */
const DOING: Readonly<Record<Permission, string>> = {
  read: "view this workspace",
  "workloads.write": "create or edit workloads and scenarios (architects and admins can)",
  "finops.write": "change budgets, prices, discounts or plans of record (FinOps and admins can)",
  delete: "delete or restore workloads and scenarios (admins can)",
  admin: "manage members, API tokens or the audit log (admins can)",
};

/** An API token's scope: `read` acts as a viewer whatever its creator's role; `write` as its creator's role. */
export type TokenScope = "read" | "write";

/**
 * Who is asking: a signed-in user, or a pipeline holding an API token. `role` is what
 * {@link can} checks; a token's is its creator's role at creation, capped by its scope.
 */
export type Principal =
  | { kind: "user"; id: string; name: string; email: string; role: Role }
  | { kind: "token"; id: string; name: string; role: Role; scope: TokenScope };

/** Whether `role` grants `permission`. */
export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Whether `principal` may do `permission`; a read-scoped token only reads. */
export function can(principal: Principal, permission: Permission): boolean {
  if (principal.kind === "token" && principal.scope === "read" && permission !== "read") return false;
  return roleCan(principal.role, permission);
}

/** The sentence shown when `principal` may not do `permission`. */
export function refusalMessage(principal: Principal, permission: Permission): string {
  if (principal.kind === "token" && principal.scope === "read" && roleCan(principal.role, permission)) {
    return `This token is read-only: it cannot ${DOING[permission].replace(/ \(.*\)$/, "")}.`;
  }
  return `Your role (${principal.role}) cannot ${DOING[permission]}.`;
}

/** How the audit log and the page header name a principal. */
export function principalLabel(principal: Principal): string {
  return principal.kind === "user" ? `${principal.name} <${principal.email}>` : `API token “${principal.name}”`;
}

/** The stable id stored with audit events: `user:<id>` or `token:<id>`. */
export function principalId(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}

/** The most a new API token may do: a write token never exceeds its creator. */
export function tokenRole(creatorRole: Role, scope: TokenScope): Role {
  return scope === "read" ? "viewer" : creatorRole;
}
