import { describe, expect, it } from "vitest";
import { newMember, newUser } from "@/lib/testing/people";
import { newProject, setupTestDb } from "@/lib/testing/harness";
import { canCreateProjects, listProjectsForUser } from "./list-projects-for-user";

const test = setupTestDb();

describe("listProjectsForUser", () => {
  it("lists only the projects a person belongs to, with their role in each, by name", async () => {
    const [first, second, third] = [await newProject(test.db), await newProject(test.db), await newProject(test.db)];
    await test.db.project.update({ where: { id: first }, data: { name: "Zebra" } });
    await test.db.project.update({ where: { id: third }, data: { name: "Aardvark" } });
    const bob = await newMember(test.db, first, "builder");
    await test.db.projectMember.create({ data: { projectId: third, userId: bob.id, role: "viewer" } });

    const projects = await listProjectsForUser(test.db, { id: bob.id, isOwner: false });
    expect(projects.map((project) => [project.id, project.name, project.role])).toEqual([
      [third, "Aardvark", "viewer"],
      [first, "Zebra", "builder"],
    ]);
    expect(projects.map((project) => project.id)).not.toContain(second);
  });

  it("lists nothing for a person in no project, and every project, as admin, for the owner", async () => {
    const loner = await newUser(test.db);
    expect(await listProjectsForUser(test.db, { id: loner.id, isOwner: false })).toEqual([]);
    expect(await listProjectsForUser(test.db, { id: null, isOwner: false })).toEqual([]);
    const all = await listProjectsForUser(test.db, { id: loner.id, isOwner: true });
    expect(all).toHaveLength(await test.db.project.count());
    expect(new Set(all.map((project) => project.role))).toEqual(new Set(["admin"]));
  });
});

describe("canCreateProjects", () => {
  it("allows the owner and an admin of any project, no one else", async () => {
    const projectId = await newProject(test.db);
    const admin = await newMember(test.db, projectId, "admin");
    const releaseManager = await newMember(test.db, projectId, "release_manager");
    expect(await canCreateProjects(test.db, { id: admin.id, isOwner: false })).toBe(true);
    expect(await canCreateProjects(test.db, { id: null, isOwner: true })).toBe(true);
    expect(await canCreateProjects(test.db, { id: releaseManager.id, isOwner: false })).toBe(false);
    expect(await canCreateProjects(test.db, { id: (await newUser(test.db)).id, isOwner: false })).toBe(false);
  });
});
