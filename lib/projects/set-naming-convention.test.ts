import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { getProjectBySlug } from "./get-project-by-slug";
import { setNamingConvention } from "./set-naming-convention";

const test = setupTestDb();
const ADA = { id: null, name: "Ada" };

function namingEvents(projectId: string) {
  return test.db.auditEvent.findMany({ where: { projectId, kind: "project.naming_changed" }, orderBy: { id: "asc" } });
}

describe("setNamingConvention", () => {
  it("starts new projects on semver and saves each convention, returning the project", async () => {
    const projectId = await newProject(test.db);
    const before = await test.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(before.namingConvention).toBe("semver");

    for (const namingConvention of ["date", "feature", "combined", "free", "semver"]) {
      const project = value(await setNamingConvention(test.db, { projectId, namingConvention, actor: ADA }));
      expect(project).toEqual({ id: projectId, slug: before.slug, name: before.name, namingConvention, requireTwoFactor: false });
      expect(value(await getProjectBySlug(test.db, before.slug)).namingConvention).toBe(namingConvention);
    }
  });

  it.each([["calver"], ["SEMVER"], [""], [null], [3]])("refuses %j and keeps the setting", async (namingConvention) => {
    const projectId = await newProject(test.db);
    value(await setNamingConvention(test.db, { projectId, namingConvention: "date", actor: ADA }));

    const error = failure(await setNamingConvention(test.db, { projectId, namingConvention, actor: ADA }));
    expect(error).toMatchObject({ code: "invalid", message: "Choose a naming convention." });
    expect(error.fields).toEqual({ namingConvention: "Choose a naming convention." });
    const project = await test.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.namingConvention).toBe("date");
  });

  it("records each change with the convention before and after, and nothing for a refused or unchanged one", async () => {
    const projectId = await newProject(test.db);
    value(await setNamingConvention(test.db, { projectId, namingConvention: "date", actor: ADA }));
    value(await setNamingConvention(test.db, { projectId, namingConvention: "date", actor: ADA }));
    failure(await setNamingConvention(test.db, { projectId, namingConvention: "calver", actor: ADA }));
    value(await setNamingConvention(test.db, { projectId, namingConvention: "free", actor: { id: null, name: "Bob" } }));

    const events = await namingEvents(projectId);
    expect(events.map((event) => [event.actorName, event.summary])).toEqual([
      ["Ada", { before: { namingConvention: "semver" }, after: { namingConvention: "date" } }],
      ["Bob", { before: { namingConvention: "date" }, after: { namingConvention: "free" } }],
    ]);
  });

  it("changes only the given project", async () => {
    const changed = await newProject(test.db);
    const other = await newProject(test.db);
    value(await setNamingConvention(test.db, { projectId: changed, namingConvention: "feature", actor: ADA }));
    const untouched = await test.db.project.findUniqueOrThrow({ where: { id: other } });
    expect(untouched.namingConvention).toBe("semver");
  });

  it("reports an unknown project as not found", async () => {
    const error = failure(await setNamingConvention(test.db, { projectId: randomUUID(), namingConvention: "date", actor: ADA }));
    expect(error.code).toBe("not_found");
  });
});
