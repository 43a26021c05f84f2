import { describe, expect, it } from "vitest";
import { newUser } from "@/lib/testing/people";
import { failure, setupTestDb, value } from "@/lib/testing/harness";
import { createNewProject } from "./create-new-project";
import { projectSlugBase } from "./project-slug";
import { SAMPLE_PROJECT } from "./sample-project";

const test = setupTestDb();

async function draftPaths(projectId: string) {
  const files = await test.db.draftFile.findMany({ where: { projectId }, select: { path: true, content: true }, orderBy: { path: "asc" } });
  return files;
}

describe("projectSlugBase", () => {
  it.each([
    ["Order sync", "order-sync"],
    ["  Café Bestellungen (EU) ", "cafe-bestellungen-eu"],
    ["ERP → Shop: v2", "erp-shop-v2"],
    ["日本語", "project"],
    ["a".repeat(100), "a".repeat(60)],
    [`${"word ".repeat(20)}end`, Array.from({ length: 12 }, () => "word").join("-")],
  ])("%j → %j", (name, slug) => {
    expect(projectSlugBase(name)).toBe(slug);
  });
});

describe("createNewProject", () => {
  it("creates an empty project with the default environments, its creator as admin, and records project.created", async () => {
    const creator = await newUser(test.db, "Cleo");
    const project = value(await createNewProject(test.db, { name: " Billing export ", template: "empty", creator }));
    expect(project).toMatchObject({ slug: "billing-export", name: "Billing export", namingConvention: "semver" });
    expect(await draftPaths(project.id)).toEqual([]);
    const environments = await test.db.environment.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    expect(environments.map((environment) => environment.name)).toEqual(["development", "staging", "production"]);
    expect(await test.db.projectMember.findMany({ where: { projectId: project.id }, select: { userId: true, role: true } })).toEqual([
      { userId: creator.id, role: "admin" },
    ]);
    const events = await test.db.auditEvent.findMany({ where: { projectId: project.id } });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "project.created",
        actorId: creator.id,
        actorName: "Cleo",
        summary: { projectId: project.id, slug: "billing-export", name: "Billing export", template: "empty" },
      }),
    ]);
  });

  it("copies the sample integration's files, and gives a taken slug the next free suffix", async () => {
    const creator = { id: null, name: "Local user" };
    const first = value(await createNewProject(test.db, { name: "Order sync", template: "sample", creator }));
    const second = value(await createNewProject(test.db, { name: "Order Sync", template: "sample", creator }));
    const third = value(await createNewProject(test.db, { name: "order sync!", template: "empty", creator }));
    expect([first.slug, second.slug, third.slug]).toEqual(["order-sync", "order-sync-2", "order-sync-3"]);
    const sample = [...SAMPLE_PROJECT.files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(await draftPaths(second.id)).toEqual(sample.map(({ path, content }) => ({ path, content })));
    // The system's creation has nobody to make admin: the owner administers every project anyway.
    expect(await test.db.projectMember.count({ where: { projectId: first.id } })).toBe(0);
  });

  it("gives concurrent projects of one name different slugs", async () => {
    const creator = await newUser(test.db);
    const results = await Promise.all(Array.from({ length: 4 }, () => createNewProject(test.db, { name: "Same name", template: "empty", creator })));
    expect(results.map((result) => value(result).slug).sort()).toEqual(["same-name", "same-name-2", "same-name-3", "same-name-4"]);
    expect(await test.db.auditEvent.count({ where: { kind: "project.created", summary: { path: ["name"], equals: "Same name" } } })).toBe(4);
  });

  it.each([[""], ["   "], ["x".repeat(101)], ["Tab\there"]])("refuses the name %j, creating and recording nothing", async (name) => {
    const projects = await test.db.project.count();
    const events = await test.db.auditEvent.count();
    const error = failure(await createNewProject(test.db, { name, template: "sample", creator: await newUser(test.db) }));
    expect(error.code).toBe("invalid");
    expect(error.fields?.name).toBe(error.message);
    expect(await test.db.project.count()).toBe(projects);
    expect(await test.db.auditEvent.count()).toBe(events);
  });
});
