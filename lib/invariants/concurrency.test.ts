import { describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { expectConsistentHistory, newProject, newVersion, stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { revisionOf } from "@/lib/testing/draft-helpers";
import { newProject as newHarnessProject, setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "@/lib/versions/create-version";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import { restoreVersion } from "@/lib/versions/restore-version";

// The invariants of DESIGN.md under the concurrency issue 6 names. On PostgreSQL (npm run
// test:postgres) these really run in parallel; PGlite serialises them, which must be safe too.

stubTestSecretKey();
const testDb = setupTestDb();

async function draftFiles(projectId: string) {
  const rows = await testDb.db.draftFile.findMany({ where: { projectId }, select: { path: true, content: true }, orderBy: { path: "asc" } });
  return rows.map((row) => ({ path: row.path, content: row.content }));
}

describe("under concurrency", () => {
  it("of 100 saves on one revision acknowledges exactly one, and the file holds its text", async () => {
    const { db } = testDb;
    const { projectId } = await newProject(db, "saves");
    const path = "workflows/sync.ts";
    const base = await revisionOf(db, projectId, path);

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => saveDraftFile(db, { projectId, path, content: `writer ${index}`, baseRevision: base })),
    );

    const acknowledged = results.flatMap((result, index) => (result.ok ? [index] : []));
    expect(acknowledged).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(99);
    const file = await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path } } });
    expect(file.content).toBe(`writer ${acknowledged[0]}`);
  });

  it("keeps every acknowledged save when 20 files are saved at once beside creates, a rename and a version", async () => {
    const { db } = testDb;
    const paths = Array.from({ length: 20 }, (_, index) => `workflows/w${index}.ts`);
    const projectId = await newHarnessProject(db, { ...Object.fromEntries(paths.map((path) => [path, "v1"])), "old.ts": "o" });
    const bases = await Promise.all(paths.map((path) => revisionOf(db, projectId, path)));

    const [saves] = await Promise.all([
      Promise.all(paths.map((path, index) => saveDraftFile(db, { projectId, path, content: `${path} v2`, baseRevision: bases[index] ?? 0 }))),
      ...Array.from({ length: 5 }, (_, index) => createDraftFile(db, { projectId, path: `new/n${index}.ts`, content: "n" })),
      renameDraftPath(db, { projectId, from: "old.ts", to: "renamed.ts" }),
      createVersion(db, { projectId, name: "during", origin: "manual", author: "ada" }),
    ]);

    // The saves touch different files, so nothing refuses them, and each one acknowledged stays.
    expect(saves.map((save) => save.ok)).toEqual(paths.map(() => true));
    const files = Object.fromEntries((await draftFiles(projectId)).map((file) => [file.path, file.content]));
    for (const path of paths) expect(files[path]).toBe(`${path} v2`);
    expect(Object.keys(files)).toHaveLength(paths.length + 6);
  });

  it("numbers 50 concurrently created versions 1 to 50", async () => {
    const { db } = testDb;
    const { projectId } = await newProject(db, "versions");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => createVersion(db, { projectId, name: `v${index}`, origin: "manual", author: "ada" })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const numbers = (await db.version.findMany({ where: { projectId }, select: { number: true } })).map((row) => row.number);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  });

  it("keeps an environment's active version equal to its newest deployment's under 20 concurrent deploys", async () => {
    const { db } = testDb;
    const { projectId, environments } = await newProject(db, "deploys");
    const versions = [];
    for (let index = 0; index < 20; index++) versions.push(await newVersion(db, projectId, `d${index}`));

    await Promise.all(
      versions.map((version) => deployVersion(db, { projectId, environmentId: environments.production, versionId: version.id, author: "ada" })),
    );
    const history = await expectConsistentHistory(db, environments.production);
    expect(history.length).toBeGreaterThan(0);
  });

  it("never leaves a mixed draft when a restore races with saves", async () => {
    const { db } = testDb;
    const paths = ["a.ts", "b.ts", "c.ts", "d.ts"];
    const projectId = await newHarnessProject(db, Object.fromEntries(paths.map((path) => [path, `${path} v1`])));
    const target = value(await createVersion(db, { projectId, name: "target", origin: "manual", author: "ada" }));
    const bases = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await revisionOf(db, projectId, path)] as const)));

    const saves = paths.flatMap((path) =>
      Array.from({ length: 5 }, (_, round) =>
        saveDraftFile(db, { projectId, path, content: `${path} edited ${round}`, baseRevision: bases[path] ?? 0 }),
      ),
    );
    const [restored] = await Promise.all([
      restoreVersion(db, { projectId, versionId: target.id, saveBackup: false, author: "ada" }),
      ...saves,
    ]);
    expect(restored.ok).toBe(true);

    // Every save was based on a revision the restore replaced: whichever committed first, the
    // draft ends exactly as the version, never half one and half the other.
    const expected = value(await getVersionFiles(db, projectId, target.id));
    expect(await draftFiles(projectId)).toEqual(expected);
  });
});
