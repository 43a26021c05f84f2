import { describe, expect, it } from "vitest";
import { newMember } from "@/lib/testing/people";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

const test = setupTestDb();
const ACTOR = { id: null, name: "Ada Admin" };

function events(projectId: string) {
  return test.db.auditEvent.findMany({ where: { projectId }, orderBy: { id: "asc" } });
}

async function roles(projectId: string) {
  return Object.fromEntries((await listMembers(test.db, projectId)).members.map((member) => [member.name, member.role]));
}

describe("changeMemberRole", () => {
  it("gives a member another role and records member.role_changed with before and after", async () => {
    const projectId = await newProject(test.db);
    await newMember(test.db, projectId, "admin", "Ann");
    const bob = await newMember(test.db, projectId, "builder", "Bob");

    const changed = value(await changeMemberRole(test.db, { projectId, userId: bob.id, role: "release_manager", actor: ACTOR }));
    expect(changed).toMatchObject({ userId: bob.id, role: "release_manager" });
    expect(await roles(projectId)).toEqual({ Ann: "admin", Bob: "release_manager" });
    const [event] = await events(projectId);
    expect(event).toMatchObject({ kind: "member.role_changed", actorName: "Ada Admin" });
    expect(event?.summary).toEqual({ userId: bob.id, name: "Bob", email: bob.email, before: { role: "Builder" }, after: { role: "Release manager" } });
  });

  it("records nothing when the role stays the same", async () => {
    const projectId = await newProject(test.db);
    const bob = await newMember(test.db, projectId, "builder");
    value(await changeMemberRole(test.db, { projectId, userId: bob.id, role: "builder", actor: ACTOR }));
    expect(await events(projectId)).toEqual([]);
  });

  it("refuses to demote the last admin, changing and recording nothing", async () => {
    const projectId = await newProject(test.db);
    const ann = await newMember(test.db, projectId, "admin", "Ann");
    await newMember(test.db, projectId, "release_manager", "Bob");
    expect(failure(await changeMemberRole(test.db, { projectId, userId: ann.id, role: "viewer", actor: ACTOR }))).toEqual({
      code: "conflict",
      message: "Ann is the project's last admin. Make another member an admin first, so someone can still manage the project.",
    });
    expect(await roles(projectId)).toEqual({ Ann: "admin", Bob: "release_manager" });
    expect(await events(projectId)).toEqual([]);
  });

  it("demotes an admin while another admin remains", async () => {
    const projectId = await newProject(test.db);
    const ann = await newMember(test.db, projectId, "admin", "Ann");
    await newMember(test.db, projectId, "admin", "Cat");
    value(await changeMemberRole(test.db, { projectId, userId: ann.id, role: "builder", actor: ACTOR }));
    expect(await roles(projectId)).toEqual({ Ann: "builder", Cat: "admin" });
  });

  it("answers not found for someone who is not a member of this project", async () => {
    const projectId = await newProject(test.db);
    const elsewhere = await newProject(test.db);
    const outsider = await newMember(test.db, elsewhere, "builder");
    expect(failure(await changeMemberRole(test.db, { projectId, userId: outsider.id, role: "admin", actor: ACTOR })).code).toBe("not_found");
    expect(failure(await removeMember(test.db, { projectId, userId: outsider.id, actor: ACTOR })).code).toBe("not_found");
    expect(await roles(elsewhere)).toEqual({ [outsider.name]: "builder" });
    expect(await events(projectId)).toEqual([]);
  });
});

describe("removeMember", () => {
  it("takes the member out, keeps their account and records member.removed", async () => {
    const projectId = await newProject(test.db);
    await newMember(test.db, projectId, "admin", "Ann");
    const bob = await newMember(test.db, projectId, "viewer", "Bob");
    value(await removeMember(test.db, { projectId, userId: bob.id, actor: ACTOR }));
    expect(await roles(projectId)).toEqual({ Ann: "admin" });
    expect(await test.db.user.count({ where: { id: bob.id } })).toBe(1);
    const [event] = await events(projectId);
    expect(event).toMatchObject({ kind: "member.removed", summary: { userId: bob.id, name: "Bob", email: bob.email, role: "Viewer" } });
    expect(failure(await removeMember(test.db, { projectId, userId: bob.id, actor: ACTOR })).code).toBe("not_found");
    expect(await events(projectId)).toHaveLength(1);
  });

  it("refuses to remove the last admin, and removes an admin while another remains", async () => {
    const projectId = await newProject(test.db);
    const ann = await newMember(test.db, projectId, "admin", "Ann");
    expect(failure(await removeMember(test.db, { projectId, userId: ann.id, actor: ACTOR })).code).toBe("conflict");
    expect(await events(projectId)).toEqual([]);
    await newMember(test.db, projectId, "admin", "Cat");
    value(await removeMember(test.db, { projectId, userId: ann.id, actor: ACTOR }));
    expect(await roles(projectId)).toEqual({ Cat: "admin" });
  });
});

describe("the last admin under concurrency", () => {
  it("of two admins demoting each other at once, leaves exactly one admin", async () => {
    const projectId = await newProject(test.db);
    const ann = await newMember(test.db, projectId, "admin", "Ann");
    const cat = await newMember(test.db, projectId, "admin", "Cat");
    const results = await Promise.all([
      changeMemberRole(test.db, { projectId, userId: cat.id, role: "builder", actor: { id: ann.id, name: "Ann" } }),
      changeMemberRole(test.db, { projectId, userId: ann.id, role: "builder", actor: { id: cat.id, name: "Cat" } }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(Object.values(await roles(projectId)).sort()).toEqual(["admin", "builder"]);
    expect(await events(projectId)).toHaveLength(1);
  });

  it("of admins removing and demoting each other at once, leaves exactly one admin", async () => {
    const projectId = await newProject(test.db);
    const admins = await Promise.all(["A", "B", "C", "D"].map((name) => newMember(test.db, projectId, "admin", name)));
    const results = await Promise.all(
      admins.flatMap((admin) => [
        removeMember(test.db, { projectId, userId: admin.id, actor: ACTOR }),
        changeMemberRole(test.db, { projectId, userId: admin.id, role: "viewer", actor: ACTOR }),
      ]),
    );
    const remaining = (await listMembers(test.db, projectId)).members;
    expect(remaining.filter((member) => member.role === "admin")).toHaveLength(1);
    const refused = results.filter((result) => !result.ok).map((result) => failure(result).code);
    expect(refused.every((code) => code === "conflict" || code === "not_found")).toBe(true);
    expect(await events(projectId)).toHaveLength(results.length - refused.length);
  });
});
