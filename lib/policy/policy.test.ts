import { describe, expect, it } from "vitest";

import { can, PERMISSIONS, refusalMessage, ROLES, type Permission, type Principal, type Role } from "./index";

const user = (role: Role): Principal => ({ kind: "user", id: "u", name: "U", email: "u@example.com", role });

/** The table, written out independently of GRANTS: each role's permissions. */
const EXPECTED: Record<Role, Permission[]> = {
  viewer: ["read"],
  architect: ["read", "workloads.write"],
  finops: ["read", "finops.write"],
  admin: ["read", "workloads.write", "finops.write", "delete", "admin"],
};

describe("can", () => {
  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const)))("%s → %s", (role, permission) => {
    expect(can(user(role), permission)).toBe(EXPECTED[role].includes(permission));
  });

  it("a read-scoped token only reads, even when its creator was an admin", () => {
    const token: Principal = { kind: "token", id: "t", name: "ci", role: "admin", scope: "read" };
    expect(PERMISSIONS.filter((p) => can(token, p))).toEqual(["read"]);
    expect(refusalMessage(token, "workloads.write")).toBe("This token is read-only: it cannot create or edit workloads and scenarios.");
  });

  it("a write token acts with its role", () => {
    const token: Principal = { kind: "token", id: "t", name: "ci", role: "architect", scope: "write" };
    expect(can(token, "workloads.write")).toBe(true);
    expect(can(token, "delete")).toBe(false);
  });

  it("names the role in the refusal", () => {
    expect(refusalMessage(user("viewer"), "workloads.write")).toBe("Your role (viewer) cannot create or edit workloads and scenarios (architects and admins can).");
  });
});
