import { describe, expect, it } from "vitest";
import { hasRole, lesserRole, ROLES, rolesUpTo } from "./roles";

describe("roles", () => {
  it("orders viewer < analyst < admin", () => {
    expect(hasRole("admin", "viewer")).toBe(true);
    expect(hasRole("admin", "analyst")).toBe(true);
    expect(hasRole("analyst", "viewer")).toBe(true);
    expect(hasRole("viewer", "analyst")).toBe(false);
    expect(hasRole("analyst", "admin")).toBe(false);
    for (const role of ROLES) expect(hasRole(role, role)).toBe(true);
  });

  it("caps a token's role by its owner's", () => {
    expect(lesserRole("admin", "viewer")).toBe("viewer");
    expect(lesserRole("viewer", "admin")).toBe("viewer");
    expect(lesserRole("analyst", "analyst")).toBe("analyst");
  });

  it("lets a role hand out only roles up to its own", () => {
    expect(rolesUpTo("viewer")).toEqual(["viewer"]);
    expect(rolesUpTo("analyst")).toEqual(["viewer", "analyst"]);
    expect(rolesUpTo("admin")).toEqual(["viewer", "analyst", "admin"]);
  });
});
