import { describe, expect, it } from "vitest";
import { projectActorFor } from "@/lib/auth/project-actor";
import { actorRefusal, TWO_FACTOR_MISSING_MESSAGE } from "@/lib/auth/refusal";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { newMember } from "@/lib/testing/people";
import { getProjectBySlug } from "./get-project-by-slug";
import { OWN_TWO_FACTOR_FIRST, setTwoFactorRequirement } from "./set-two-factor-requirement";

const test = setupTestDb();

async function withTwoFactor(userId: string) {
  await test.db.user.update({ where: { id: userId }, data: { twoFactorEnabled: true } });
}

async function summary(projectId: string) {
  const { slug } = await test.db.project.findUniqueOrThrow({ where: { id: projectId } });
  return value(await getProjectBySlug(test.db, slug));
}

describe("setTwoFactorRequirement", () => {
  it("refuses an admin who does not use two-factor sign-in themselves, and changes nothing", async () => {
    const projectId = await newProject(test.db);
    const admin = await newMember(test.db, projectId, "admin");
    expect(failure(await setTwoFactorRequirement(test.db, { projectId, required: true, actor: admin }))).toMatchObject({ code: "conflict", message: OWN_TWO_FACTOR_FIRST });
    expect((await summary(projectId)).requireTwoFactor).toBe(false);
    expect(await test.db.auditEvent.count({ where: { projectId, kind: "project.two_factor_changed" } })).toBe(0);
  });

  it("records each change with before and after, and nothing when unchanged", async () => {
    const projectId = await newProject(test.db);
    const admin = await newMember(test.db, projectId, "admin");
    await withTwoFactor(admin.id);
    expect(value(await setTwoFactorRequirement(test.db, { projectId, required: true, actor: admin })).requireTwoFactor).toBe(true);
    value(await setTwoFactorRequirement(test.db, { projectId, required: true, actor: admin }));
    value(await setTwoFactorRequirement(test.db, { projectId, required: false, actor: admin }));
    const events = await test.db.auditEvent.findMany({ where: { projectId, kind: "project.two_factor_changed" }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.summary)).toEqual([
      { before: { requireTwoFactor: false }, after: { requireTwoFactor: true } },
      { before: { requireTwoFactor: true }, after: { requireTwoFactor: false } },
    ]);
  });

  it("leaves release managers and admins without it able only to read; builders, viewers and those with it are unaffected", async () => {
    const projectId = await newProject(test.db);
    const admin = await newMember(test.db, projectId, "admin");
    await withTwoFactor(admin.id);
    const people = {
      viewer: await newMember(test.db, projectId, "viewer"),
      builder: await newMember(test.db, projectId, "builder"),
      releaseManager: await newMember(test.db, projectId, "release_manager"),
      otherAdmin: await newMember(test.db, projectId, "admin"),
    };
    const actor = async (person: { id: string; name: string }) => value(await projectActorFor(test.db, { ...person, isOwner: false }, await summary(projectId)));

    for (const person of Object.values(people)) expect((await actor(person)).twoFactorMissing).toBeUndefined();
    value(await setTwoFactorRequirement(test.db, { projectId, required: true, actor: admin }));

    expect((await actor(people.viewer)).twoFactorMissing).toBeUndefined();
    expect((await actor(people.builder)).twoFactorMissing).toBeUndefined();
    expect((await actor(admin)).twoFactorMissing).toBeUndefined();
    const releaseManager = await actor(people.releaseManager);
    expect(releaseManager.twoFactorMissing).toBe(true);
    expect(actorRefusal(releaseManager, "read")).toBeNull();
    for (const operation of ["edit", "deploy", "approve", "edit_settings"] as const) expect(actorRefusal(releaseManager, operation)).toBe(TWO_FACTOR_MISSING_MESSAGE);
    expect(actorRefusal(await actor(people.otherAdmin), "administer")).toBe(TWO_FACTOR_MISSING_MESSAGE);

    await withTwoFactor(people.releaseManager.id);
    expect(actorRefusal(await actor(people.releaseManager), "approve")).toBeNull();
  });
});
