import { describe, expect, it } from "vitest";
import { can, refusalMessage, rolesThatCan, type Operation } from "./roles";

describe("roles", () => {
  it("follow the table in DESIGN.md", () => {
    const table: Record<Operation, string[]> = {
      read: ["viewer", "builder", "release_manager", "admin"],
      edit: ["builder", "release_manager", "admin"],
      deploy: ["builder", "release_manager", "admin"],
      approve: ["release_manager", "admin"],
      edit_settings: ["builder", "release_manager", "admin"],
      edit_protected_settings: ["release_manager", "admin"],
      administer: ["admin"],
    };
    for (const [operation, roles] of Object.entries(table)) expect(rolesThatCan(operation as Operation)).toEqual(roles);
    expect(can("viewer", "edit")).toBe(false);
    expect(can("admin", "administer")).toBe(true);
  });

  it("say which roles may do what was refused", () => {
    expect(refusalMessage("approve")).toBe("Only a Release manager or Admin can approve or reject deployment requests.");
    expect(refusalMessage("administer")).toBe("Only an Admin can manage members and project settings.");
    expect(refusalMessage("edit")).toBe("Only a Builder, Release manager or Admin can change the draft or make versions.");
  });
});
