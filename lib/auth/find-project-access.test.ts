import { describe, expect, it } from "vitest";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { newMember, newUser } from "@/lib/testing/people";
import { findProjectAccess } from "./find-project-access";

const test = setupTestDb();

async function slugOf(projectId: string) {
  return (await test.db.project.findUniqueOrThrow({ where: { id: projectId }, select: { slug: true } })).slug;
}

describe("findProjectAccess", () => {
  it("answers the project as getProjectBySlug does, with the member's role and two-factor setting", async () => {
    const projectId = await newProject(test.db);
    await test.db.project.update({ where: { id: projectId }, data: { requireTwoFactor: true, namingConvention: "date" } });
    const slug = await slugOf(projectId);
    const member = await newMember(test.db, projectId, "release_manager");
    expect(await findProjectAccess(test.db, slug, { id: member.id, isOwner: false })).toEqual({
      project: value(await getProjectBySlug(test.db, slug)),
      role: "release_manager",
      twoFactorEnabled: false,
    });
    await test.db.user.update({ where: { id: member.id }, data: { twoFactorEnabled: true } });
    expect(await findProjectAccess(test.db, slug, { id: member.id, isOwner: false })).toMatchObject({ role: "release_manager", twoFactorEnabled: true });
  });

  it("gives no role to someone of another project, and makes the owner an admin without a membership", async () => {
    const projectId = await newProject(test.db);
    const elsewhere = await newMember(test.db, await newProject(test.db), "admin");
    const owner = await newUser(test.db);
    const slug = await slugOf(projectId);
    expect(await findProjectAccess(test.db, slug, { id: elsewhere.id, isOwner: false })).toMatchObject({ role: null });
    expect(await findProjectAccess(test.db, slug, { id: owner.id, isOwner: true })).toMatchObject({ role: "admin" });
  });

  it("finds nothing for a slug no project has, or that no project could have", async () => {
    const user = await newUser(test.db);
    for (const slug of ["no-such-project", "Not A Slug", "a\u0000b"]) {
      expect(await findProjectAccess(test.db, slug, { id: user.id, isOwner: true }), slug).toBeNull();
    }
  });
});
