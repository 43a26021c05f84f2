import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "./restore-version";
import { allVersions, expectVersionsKept, versionContents } from "./test-fixtures";

const testDb = setupTestDb();

function restore(projectId: string, versionId: string, saveBackup = true) {
  return restoreVersion(testDb.db, { projectId, versionId, saveBackup, author: "bob@example.com" });
}

/** path → content, revision of one project's draft. */
async function draft(projectId: string) {
  const rows = await testDb.db.draftFile.findMany({ where: { projectId }, select: { path: true, content: true, revision: true } });
  return Object.fromEntries(rows.map((row) => [row.path, { content: row.content, revision: row.revision }]));
}

/** path → content of one project's draft. */
async function draftContents(projectId: string): Promise<Record<string, string>> {
  const rows = await testDb.db.draftFile.findMany({ where: { projectId }, select: { path: true, content: true } });
  return Object.fromEntries(rows.map((row) => [row.path, row.content]));
}

function filesOf(projectId: string, versionId: string) {
  return versionContents(testDb.db, projectId, versionId);
}

async function maxRevision(): Promise<number> {
  const { _max } = await testDb.db.draftFile.aggregate({ _max: { revision: true } });
  return _max.revision ?? 0;
}

async function project(projectId: string) {
  return testDb.db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { versionCounter: true, draftBaseVersionId: true },
  });
}

/** Everything a refused restore must leave alone. */
async function everything(projectId: string) {
  const { db } = testDb;
  return {
    draft: await draft(projectId),
    project: await project(projectId),
    versions: await db.version.count(),
    trees: await db.tree.count(),
    blobs: await db.blob.count(),
    draftFiles: await db.draftFile.count(),
  };
}

/** Contents that exercise exact byte preservation. */
const tricky = {
  "unicode.json": '{ "name": "Zoë", "city": "Zürich", "note": "日本語 🚀" }',
  "crlf.yaml": "a: 1\r\nb: 2\r\n",
  "empty.txt": "",
  "spaces.md": "  leading and trailing  \n\n",
};

describe("restoreVersion", () => {
  it("makes the draft equal to the version: added, removed, renamed and changed paths", async () => {
    const { db } = testDb;
    const original = {
      ...tricky,
      "workflows/order-sync.ts": "export const sync = 1;\n",
      "lib/keep.ts": "unchanged\n",
      "old/name.ts": "moved later\n",
      "gone.ts": "deleted later\n",
      "config": "a file that later becomes a folder\n",
    };
    const projectId = await newProject(db, original);
    const target = await version(db, projectId, "1.0.0");

    const stale = await draft(projectId);
    await save(db, projectId, "workflows/order-sync.ts", "export const sync = 2;\n");
    await save(db, projectId, "crlf.yaml", "a: 1\nb: 2\n");
    value(await renameDraftPath(db, { projectId, from: "old/name.ts", to: "new/name.ts" }));
    value(await deleteDraftPath(db, { projectId, path: "gone.ts" }));
    value(await deleteDraftPath(db, { projectId, path: "config" }));
    value(await createDraftFile(db, { projectId, path: "config/settings.json", content: "{}" }));
    value(await createDraftFile(db, { projectId, path: "only-in-draft.ts", content: "draft only" }));
    const highest = await maxRevision();

    const outcome = value(await restore(projectId, target.id, false));

    expect(outcome).toEqual({ restored: target, backup: null });
    expect(await draftContents(projectId)).toEqual(original);
    expect(await draftContents(projectId)).toEqual(await filesOf(projectId, target.id));
    const after = await draft(projectId);
    expect(after["only-in-draft.ts"]).toBeUndefined();
    expect(after["new/name.ts"]).toBeUndefined();
    expect(after["config/settings.json"]).toBeUndefined();
    for (const [path, file] of Object.entries(after)) {
      expect(file.revision, path).toBeGreaterThan(highest);
    }
    const revisions = Object.values(after).map((file) => file.revision);
    expect(new Set(revisions).size).toBe(revisions.length);

    // An editor still open on the old draft meets a conflict, whether the text changed or not.
    for (const path of ["workflows/order-sync.ts", "lib/keep.ts", "unicode.json"]) {
      const staleSave = await saveDraftFile(db, { projectId, path, content: "stale edit", baseRevision: stale[path]!.revision });
      expect(failure(staleSave), path).toMatchObject({
        code: "conflict",
        current: { content: original[path as keyof typeof original], revision: after[path]!.revision },
      });
    }
    expect(await draftContents(projectId)).toEqual(original);
  });

  it("gives even unchanged files a new revision when the draft already equals the version", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const target = await version(db, projectId, "1.0.0");
    const before = await draft(projectId);
    const highest = await maxRevision();

    expect(value(await restore(projectId, target.id))).toEqual({ restored: target, backup: null });

    const after = await draft(projectId);
    expect(Object.keys(after).sort()).toEqual(["a.ts", "b.ts"]);
    for (const path of ["a.ts", "b.ts"]) {
      expect(after[path]!.content).toBe(before[path]!.content);
      expect(after[path]!.revision).toBeGreaterThan(highest);
    }
  });

  it("restores an empty version by emptying the draft", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    const empty = await version(db, projectId, "empty");
    value(await createDraftFile(db, { projectId, path: "a.ts", content: "a" }));

    const outcome = value(await restore(projectId, empty.id, false));

    expect(outcome.backup).toBeNull();
    expect(await draft(projectId)).toEqual({});
  });

  it("bases the draft on the restored version", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const first = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two");
    await version(db, projectId, "1.0.1");

    value(await restore(projectId, first.id));

    expect((await project(projectId)).draftBaseVersionId).toBe(first.id);
  });

  describe("backup of unversioned work", () => {
    it("is not made when the draft equals some version, even one that is not its base", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "one" });
      const first = await version(db, projectId, "1.0.0");
      await save(db, projectId, "a.ts", "two");
      const second = await version(db, projectId, "1.0.1");
      await save(db, projectId, "a.ts", "one");
      expect((await project(projectId)).draftBaseVersionId).toBe(second.id);
      const versions = await db.version.count();

      expect(value(await restore(projectId, second.id))).toEqual({ restored: second, backup: null });
      expect(await db.version.count()).toBe(versions);
      expect(await draftContents(projectId)).toEqual({ "a.ts": "two" });

      // And equal to the base itself: still nothing to back up.
      expect(value(await restore(projectId, first.id))).toEqual({ restored: first, backup: null });
      expect(await db.version.count()).toBe(versions);
    });

    it("saves an edited draft byte for byte as a backup version first", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { ...tricky, "a.ts": "one" });
      const target = await version(db, projectId, "1.0.0");
      await save(db, projectId, "a.ts", "two\r\n\ttabbed ✓ \n");
      value(await createDraftFile(db, { projectId, path: "added/ünïcode path.md", content: "# Ünïcode\n" }));
      value(await deleteDraftPath(db, { projectId, path: "empty.txt" }));
      const edited = await draftContents(projectId);
      const counter = (await project(projectId)).versionCounter;

      const outcome = value(await restore(projectId, target.id));

      expect(outcome.restored).toEqual(target);
      expect(outcome.backup).toMatchObject({
        number: counter + 1,
        name: "Draft before restoring 1.0.0",
        description: "Draft before restoring 1.0.0",
        origin: "backup",
        author: "bob@example.com",
        fileCount: Object.keys(edited).length,
      });
      expect(await filesOf(projectId, outcome.backup!.id)).toEqual(edited);
      expect(await draftContents(projectId)).toEqual(await filesOf(projectId, target.id));
      expect((await project(projectId)).draftBaseVersionId).toBe(target.id);
    });

    it("numbers further backups for the same version (2), (3)", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "zero" });
      const target = await version(db, projectId, "1.0.0");

      const names: string[] = [];
      for (const text of ["one", "two", "three"]) {
        await save(db, projectId, "a.ts", text);
        const outcome = value(await restore(projectId, target.id));
        expect(outcome.backup?.description).toBe("Draft before restoring 1.0.0");
        expect(await filesOf(projectId, outcome.backup!.id)).toEqual({ "a.ts": text });
        names.push(outcome.backup!.name);
      }

      expect(names).toEqual([
        "Draft before restoring 1.0.0",
        "Draft before restoring 1.0.0 (2)",
        "Draft before restoring 1.0.0 (3)",
      ]);
    });

    it("skips a name a user already took, ignoring case", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "zero" });
      const target = await version(db, projectId, "1.0.0");
      await save(db, projectId, "a.ts", "one");
      await version(db, projectId, "draft BEFORE restoring 1.0.0");
      await save(db, projectId, "a.ts", "two");

      const outcome = value(await restore(projectId, target.id));

      expect(outcome.backup?.name).toBe("Draft before restoring 1.0.0 (2)");
    });

    it("keeps the backup's name within the limit for a long version name", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "zero" });
      const longName = `1.0.0-${"x".repeat(94)}`;
      const target = await version(db, projectId, longName);

      const names: string[] = [];
      for (const text of ["one", "two"]) {
        await save(db, projectId, "a.ts", text);
        const outcome = value(await restore(projectId, target.id));
        expect(outcome.backup?.description).toBe(`Draft before restoring ${longName}`);
        names.push(outcome.backup!.name);
      }

      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(100);
        expect(name.startsWith("Draft before restoring 1.0.0-xxx")).toBe(true);
      }
      expect(names[1]).toBe(`${names[0]} (2)`);
    });

    it("is not made when saveBackup is false, even with unversioned work", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "one" });
      const target = await version(db, projectId, "1.0.0");
      await save(db, projectId, "a.ts", "lost on purpose");
      const versions = await db.version.count();

      expect(value(await restore(projectId, target.id, false))).toEqual({ restored: target, backup: null });

      expect(await db.version.count()).toBe(versions);
      expect(await draftContents(projectId)).toEqual({ "a.ts": "one" });
    });

    it("is not made for an empty draft", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "one", "b/c.ts": "c" });
      const target = await version(db, projectId, "1.0.0");
      value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
      value(await deleteDraftPath(db, { projectId, path: "b" }));
      const versions = await db.version.count();

      expect(value(await restore(projectId, target.id))).toEqual({ restored: target, backup: null });

      expect(await db.version.count()).toBe(versions);
      expect(await draftContents(projectId)).toEqual({ "a.ts": "one", "b/c.ts": "c" });
    });

    it("is made for a draft no version captures yet, before the first restore of a project", async () => {
      const { db } = testDb;
      const projectId = await newProject(db);
      const empty = await version(db, projectId, "empty");
      value(await createDraftFile(db, { projectId, path: "a.ts", content: "new work" }));

      const outcome = value(await restore(projectId, empty.id));

      expect(outcome.backup?.origin).toBe("backup");
      expect(await filesOf(projectId, outcome.backup!.id)).toEqual({ "a.ts": "new work" });
      expect(await draftContents(projectId)).toEqual({});
    });
  });

  it("never changes or deletes a version, through any mix of restores and backups", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { ...tricky, "a.ts": "one", "dir/b.ts": "b" });
    const other = await newProject(db, { "a.ts": "other project" });
    await version(db, other, "1.0.0");
    const first = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two");
    value(await renameDraftPath(db, { projectId, from: "dir", to: "folder" }));
    const second = await version(db, projectId, "1.1.0");

    let before = await allVersions(db);
    const steps: Array<{ target: string; edit?: string; saveBackup: boolean }> = [
      { target: first.id, edit: "edit 1", saveBackup: true },
      { target: second.id, saveBackup: true },
      { target: first.id, edit: "edit 2", saveBackup: false },
      { target: second.id, edit: "edit 3", saveBackup: true },
      { target: first.id, saveBackup: true },
      { target: second.id, edit: "edit 4", saveBackup: true },
    ];
    for (const step of steps) {
      if (step.edit) {
        await save(db, projectId, "a.ts", step.edit);
      }
      const outcome = value(await restore(projectId, step.target, step.saveBackup));
      const after = await allVersions(db);
      expectVersionsKept(before, after);
      expect(Object.keys(after).length - Object.keys(before).length).toBe(outcome.backup ? 1 : 0);
      before = after;
    }
    expect(Object.values(before).filter((entry) => entry.row.projectId === projectId && entry.row.origin === "backup")).toHaveLength(3);
  });

  it("restoring the backup afterwards gives back the draft byte for byte", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { ...tricky, "a.ts": "one", "dir/b.ts": "b" });
    const target = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two\r\n");
    await save(db, projectId, "empty.txt", " ");
    value(await renameDraftPath(db, { projectId, from: "dir", to: "renamed-dir" }));
    value(await deleteDraftPath(db, { projectId, path: "crlf.yaml" }));
    value(await createDraftFile(db, { projectId, path: "dir", content: "now a file where a folder was" }));
    value(await createDraftFile(db, { projectId, path: "новый.txt", content: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢\u00a0\u200b" }));
    const work = await draftContents(projectId);

    const { backup } = value(await restore(projectId, target.id));
    expect(backup).not.toBeNull();
    expect(await draftContents(projectId)).toEqual(await filesOf(projectId, target.id));

    const forward = value(await restore(projectId, backup!.id));

    expect(forward).toEqual({ restored: backup, backup: null });
    expect(await draftContents(projectId)).toEqual(work);
    expect(value(await getDraftStatus(db, projectId))).toMatchObject({ base: { id: backup!.id }, changed: false });
  });

  describe("refuses unknown targets and changes nothing", () => {
    async function projectWithWork() {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "one", "b.ts": "b" });
      await version(db, projectId, "1.0.0");
      await save(db, projectId, "a.ts", "unversioned");
      return projectId;
    }

    it("an unknown version id", async () => {
      const projectId = await projectWithWork();
      const before = await everything(projectId);

      for (const saveBackup of [true, false]) {
        expect(failure(await restore(projectId, randomUUID(), saveBackup)).code).toBe("not_found");
      }

      expect(await everything(projectId)).toEqual(before);
    });

    it("a version of another project", async () => {
      const { db } = testDb;
      const projectId = await projectWithWork();
      const other = await newProject(db, { "x.ts": "other" });
      const foreign = await version(db, other, "9.9.9");
      const before = await everything(projectId);
      const otherBefore = await everything(other);

      for (const saveBackup of [true, false]) {
        expect(failure(await restore(projectId, foreign.id, saveBackup)).code).toBe("not_found");
      }

      expect(await everything(projectId)).toEqual(before);
      expect(await everything(other)).toEqual(otherBefore);
    });

    it("an unknown project", async () => {
      const { db } = testDb;
      const projectId = await projectWithWork();
      const [target] = await db.version.findMany({ where: { projectId }, select: { id: true } });
      const before = await everything(projectId);

      for (const saveBackup of [true, false]) {
        expect(failure(await restore(randomUUID(), target!.id, saveBackup)).code).toBe("not_found");
      }

      expect(await everything(projectId)).toEqual(before);
    });
  });
});
