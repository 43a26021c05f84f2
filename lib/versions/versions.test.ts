import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { revisionOf } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { createVersion } from "./create-version";
import { getVersionFiles } from "./get-version-files";
import { listVersions } from "./list-versions";
import { versionContents } from "./test-fixtures";

const testDb = setupTestDb();

function attempt(projectId: string, name: string, description?: string) {
  return createVersion(testDb.db, { projectId, name, description, origin: "manual", author: "ada@example.com" });
}

function filesOf(projectId: string, versionId: string) {
  return versionContents(testDb.db, projectId, versionId);
}

async function rowCounts(projectId: string) {
  const { db } = testDb;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { versionCounter: true } });
  return {
    versions: await db.version.count(),
    trees: await db.tree.count(),
    blobs: await db.blob.count(),
    versionCounter: project.versionCounter,
  };
}

/** Content no other test stores, so blob counts only move because of this test. */
function unique(label: string) {
  return `${label} ${randomUUID()}`;
}

describe("createVersion", () => {
  it("snapshots every draft file's exact content", async () => {
    const { db } = testDb;
    const files = {
      "workflows/order-sync.ts": "export async function sync() {\n  return 1;\n}\n",
      "mappings/customer.json": '{ "name": "Zoë", "city": "Zürich", "note": "日本語 🚀" }',
      "empty.txt": "",
      "crlf.yaml": "a: 1\r\nb: 2\r\n",
      "spaces.md": "  leading and trailing  \n\n",
      "big.txt": "€".repeat(349_525) + "a",
    };
    const projectId = await newProject(db, files);

    const created = await version(db, projectId, " 1.0.0 ", " First release ");

    expect(created).toMatchObject({
      number: 1,
      name: "1.0.0",
      description: "First release",
      origin: "manual",
      author: "ada@example.com",
      fileCount: 6,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await filesOf(projectId, created.id)).toEqual(files);
    const listed = value(await getVersionFiles(db, projectId, created.id)).map((file) => file.path);
    expect(listed).toEqual([...Object.keys(files)].sort());
    const stored = await db.version.findUniqueOrThrow({ where: { id: created.id }, select: { totalSize: true } });
    expect(stored.totalSize).toBe(BigInt(Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0)));
  });

  it("snapshots an empty draft as a version without files", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    const created = await version(db, projectId, "empty");
    expect(created.fileCount).toBe(0);
    expect(await filesOf(projectId, created.id)).toEqual({});
  });

  it("records how the version came to be", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const backup = value(await createVersion(db, { projectId, name: "b", origin: "backup", author: "bob" }));
    expect(backup).toMatchObject({ origin: "backup", author: "bob", description: "" });
  });

  it("numbers versions 1, 2, 3… per project, independently between projects", async () => {
    const { db } = testDb;
    const first = await newProject(db, { "a.ts": "a" });
    const second = await newProject(db, { "a.ts": "a" });

    const numbers: Array<[string, number]> = [];
    for (const [projectId, name] of [
      [first, "1.0.0"],
      [second, "1.0.0"],
      [first, "1.0.1"],
      [first, "1.0.2"],
      [second, "1.0.1"],
    ] as const) {
      numbers.push([projectId === first ? "first" : "second", (await version(db, projectId, name)).number]);
    }

    expect(numbers).toEqual([
      ["first", 1],
      ["second", 1],
      ["first", 2],
      ["first", 3],
      ["second", 2],
    ]);
  });

  it("numbers 20 concurrent versions 1 to 20 without duplicates", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": unique("a") });

    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => attempt(projectId, `v${index}`)));

    const numbers = results.map((result) => value(result).number).sort((left, right) => left - right);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const stored = await db.version.findMany({ where: { projectId }, select: { number: true, fileCount: true } });
    expect(stored.map((row) => row.number).sort((left, right) => left - right)).toEqual(numbers);
    expect(stored.every((row) => row.fileCount === 1)).toBe(true);
    expect((await rowCounts(projectId)).versionCounter).toBe(20);
  });

  it("of concurrent versions with one name creates exactly one", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => attempt(projectId, index % 2 ? "Same" : "same ")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => failure(result).code)).toEqual(Array(9).fill("conflict"));
    expect(await db.version.count({ where: { projectId } })).toBe(1);
    expect((await rowCounts(projectId)).versionCounter).toBe(1);
  });

  describe("stores each distinct content once", () => {
    it("shares one blob between files with the same content", async () => {
      const { db } = testDb;
      const same = unique("same");
      const projectId = await newProject(db, { "a.ts": same, "b.ts": same, "c.ts": unique("other") });
      const before = await rowCounts(projectId);

      await version(db, projectId, "1");

      const after = await rowCounts(projectId);
      expect(after.blobs - before.blobs).toBe(2);
      expect(after.trees - before.trees).toBe(1);
    });

    it("adds no blob and no tree for a version of an unchanged draft, one blob for one changed file", async () => {
      const { db } = testDb;
      const original = unique("a");
      const projectId = await newProject(db, { "a.ts": original, "b.ts": unique("b"), "c.ts": unique("c") });
      await version(db, projectId, "1");

      const beforeUnchanged = await rowCounts(projectId);
      await version(db, projectId, "2");
      const afterUnchanged = await rowCounts(projectId);
      expect(afterUnchanged.blobs).toBe(beforeUnchanged.blobs);
      expect(afterUnchanged.trees).toBe(beforeUnchanged.trees);

      const loaded = await revisionOf(db, projectId, "a.ts");
      const changed = value(await saveDraftFile(db, { projectId, path: "a.ts", content: unique("a changed"), baseRevision: loaded }));
      expect(changed.revision).toBeGreaterThan(loaded);
      expect(await revisionOf(db, projectId, "a.ts")).toBe(changed.revision);
      await version(db, projectId, "3");
      expect((await rowCounts(projectId)).blobs - afterUnchanged.blobs).toBe(1);

      const reverted = value(await saveDraftFile(db, { projectId, path: "a.ts", content: original, baseRevision: changed.revision }));
      expect(reverted.revision).toBeGreaterThan(changed.revision);
      expect(await revisionOf(db, projectId, "a.ts")).toBe(reverted.revision);
      const beforeRevert = await rowCounts(projectId);
      await version(db, projectId, "4");
      expect((await rowCounts(projectId)).blobs).toBe(beforeRevert.blobs);
    });

    it("shares blobs between projects", async () => {
      const { db } = testDb;
      const content = unique("shared");
      const first = await newProject(db, { "a.ts": content });
      const second = await newProject(db, { "elsewhere/b.ts": content });
      await version(db, first, "1");
      const before = await rowCounts(second);
      const created = await version(db, second, "1");
      expect((await rowCounts(second)).blobs).toBe(before.blobs);
      expect(await filesOf(second, created.id)).toEqual({ "elsewhere/b.ts": content });
    });
  });

  describe("refuses bad input and changes nothing", () => {
    it.each([
      ["empty", "", "Enter a name for the version."],
      ["whitespace", "   \t ", "Enter a name for the version."],
      ["101 characters", "n".repeat(101), "Names are at most 100 characters."],
      ["a control character", "1.0\u0007", "The name contains a control character."],
      ["a line break", "1.0\n1.1", "The name contains a control character."],
      ["a lone surrogate", "1.0\ud800", "The name contains an invalid character."],
    ])("a name that is %s", async (_label, name, message) => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": unique("a") });
      await version(db, projectId, "first");
      const before = await rowCounts(projectId);

      expect(failure(await attempt(projectId, name))).toEqual({ code: "invalid", message, fields: { name: message } });

      expect(await rowCounts(projectId)).toEqual(before);
      expect((await version(db, projectId, "next")).number).toBe(2);
    });

    it.each([
      ["the same name", "Release 1.0"],
      ["another case", "release 1.0"],
      ["surrounding spaces", "  RELEASE 1.0  "],
    ])("a duplicate name in %s", async (_label, name) => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": unique("a") });
      await version(db, projectId, "Release 1.0");
      const before = await rowCounts(projectId);

      const message = "A version named Release 1.0 already exists. Choose another name.";
      expect(failure(await attempt(projectId, name))).toEqual({ code: "conflict", message, fields: { name: message } });

      expect(await rowCounts(projectId)).toEqual(before);
      expect((await version(db, projectId, "Release 1.1")).number).toBe(2);
    });

    it("a duplicate name for a changed draft: the draft keeps its base and its changes, and nothing is logged", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": unique("a") });
      const first = await version(db, projectId, "Release 1.0");
      const edited = unique("edited");
      value(await saveDraftFile(db, { projectId, path: "a.ts", content: edited, baseRevision: await revisionOf(db, projectId, "a.ts") }));
      const events = await db.auditEvent.count({ where: { projectId } });

      expect(failure(await attempt(projectId, "release 1.0")).code).toBe("conflict");

      const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { versionCounter: true, draftBaseVersionId: true } });
      expect(project).toEqual({ versionCounter: 1, draftBaseVersionId: first.id });
      expect(await db.draftFile.count({ where: { projectId, changedSinceBase: true } })).toBe(1);
      expect(await db.auditEvent.count({ where: { projectId } })).toBe(events);
      const next = await version(db, projectId, "Release 1.1");
      expect(await versionContents(db, projectId, next.id)).toEqual({ "a.ts": edited });
    });

    it("a duplicate name written in another Unicode normalisation form", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "a" });
      await version(db, projectId, "caf\u00e9");
      expect(failure(await attempt(projectId, "CAFE\u0301")).code).toBe("conflict");
      expect(await db.version.count({ where: { projectId } })).toBe(1);
    });

    it("a description over 2,000 characters", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": unique("a") });
      const before = await rowCounts(projectId);
      const message = "Descriptions are at most 2,000 characters.";

      expect(failure(await attempt(projectId, "1.0.0", "d".repeat(2001)))).toEqual({
        code: "invalid",
        message,
        fields: { description: message },
      });

      expect(await rowCounts(projectId)).toEqual(before);
      expect((await version(db, projectId, "1.0.0", "d".repeat(2000))).description).toHaveLength(2000);
    });

    it("an unknown project", async () => {
      const { db } = testDb;
      const projectId = await newProject(db, { "a.ts": "a" });
      const before = await rowCounts(projectId);
      expect(failure(await attempt("no-such-project", "1.0.0"))).toEqual({
        code: "not_found",
        message: "This project does not exist.",
      });
      expect(await rowCounts(projectId)).toEqual(before);
    });
  });

  it("names may repeat between projects", async () => {
    const { db } = testDb;
    const first = await newProject(db, { "a.ts": "a" });
    const second = await newProject(db, { "a.ts": "a" });
    await version(db, first, "1.0.0");
    expect((await version(db, second, "1.0.0")).number).toBe(1);
  });
});

describe("a version after the draft moves on", () => {
  it("keeps exactly the files it was created with", async () => {
    const { db } = testDb;
    const original = {
      "workflows/sync.ts": "sync v1",
      "workflows/retry.ts": "retry v1",
      "config/app.yaml": "a: 1",
      "README.md": "# Readme",
    };
    const projectId = await newProject(db, original);
    const first = await version(db, projectId, "1.0.0");

    value(
      await saveDraftFile(db, {
        projectId,
        path: "workflows/sync.ts",
        content: "sync v2",
        baseRevision: await revisionOf(db, projectId, "workflows/sync.ts"),
      }),
    );
    value(await createDraftFile(db, { projectId, path: "workflows/new.ts", content: "new" }));
    value(await renameDraftPath(db, { projectId, from: "README.md", to: "docs/README.md" }));
    value(await renameDraftPath(db, { projectId, from: "config", to: "settings" }));
    value(await deleteDraftPath(db, { projectId, path: "workflows/retry.ts" }));
    value(
      await saveDraftFile(db, {
        projectId,
        path: "settings/app.yaml",
        content: "a: 2",
        baseRevision: await revisionOf(db, projectId, "settings/app.yaml"),
      }),
    );

    expect(await filesOf(projectId, first.id)).toEqual(original);
    const second = await version(db, projectId, "1.1.0");
    expect(await filesOf(projectId, second.id)).toEqual({
      "docs/README.md": "# Readme",
      "settings/app.yaml": "a: 2",
      "workflows/new.ts": "new",
      "workflows/sync.ts": "sync v2",
    });
    expect(await filesOf(projectId, first.id)).toEqual(original);
  });
});

describe("getVersionFiles", () => {
  it("refuses a version of another project or an unknown version", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const other = await newProject(db, { "a.ts": "a" });
    const created = await version(db, projectId, "1.0.0");
    expect(failure(await getVersionFiles(db, other, created.id)).code).toBe("not_found");
    expect(failure(await getVersionFiles(db, projectId, "no-such-version")).code).toBe("not_found");
  });
});

describe("listVersions", () => {
  let projectId: string;

  beforeAll(async () => {
    const { db } = testDb;
    projectId = await newProject(db, { "a.ts": "a" });
    for (let number = 1; number <= 120; number++) {
      const description = number % 10 === 0 ? `Added RETRY logic (${number})` : `Routine change ${number}`;
      await version(db, projectId, `v${number}`, description);
    }
  });

  function numbers(page: { items: Array<{ number: number }> }) {
    return page.items.map((item) => item.number);
  }

  function range(from: number, to: number) {
    return Array.from({ length: from - to + 1 }, (_, index) => from - index);
  }

  it("lists newest first, 50 at a time, across all 120 versions", async () => {
    const { db } = testDb;
    const first = await listVersions(db, { projectId });
    expect(numbers(first)).toEqual(range(120, 71));
    expect(first).toMatchObject({ nextBefore: 71, total: 120 });
    expect(first.items[0]).toMatchObject({ name: "v120", description: "Added RETRY logic (120)", origin: "manual" });

    const second = await listVersions(db, { projectId, before: first.nextBefore ?? undefined });
    expect(numbers(second)).toEqual(range(70, 21));
    expect(second).toMatchObject({ nextBefore: 21, total: 120 });

    const third = await listVersions(db, { projectId, before: second.nextBefore ?? undefined });
    expect(numbers(third)).toEqual(range(20, 1));
    expect(third).toMatchObject({ nextBefore: null, total: 120 });
  });

  it("pages with a chosen size and stops exactly at the end", async () => {
    const { db } = testDb;
    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await listVersions(db, { projectId, limit: 40, before });
      pages++;
      seen.push(...numbers(page));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(range(120, 1));
  });

  it("searches names and descriptions ignoring case", async () => {
    const { db } = testDb;
    const byDescription = await listVersions(db, { projectId, search: "  retry " });
    expect(numbers(byDescription)).toEqual(range(12, 1).map((tenth) => tenth * 10));
    expect(byDescription).toMatchObject({ total: 12, nextBefore: null });

    const byName = await listVersions(db, { projectId, search: "V11" });
    expect(numbers(byName)).toEqual([119, 118, 117, 116, 115, 114, 113, 112, 111, 110, 11]);
    expect(byName.total).toBe(11);

    expect(await listVersions(db, { projectId, search: "no such thing" })).toEqual({ items: [], nextBefore: null, total: 0 });
  });

  it("pages through search results", async () => {
    const { db } = testDb;
    const first = await listVersions(db, { projectId, search: "RETRY", limit: 5 });
    expect(numbers(first)).toEqual([120, 110, 100, 90, 80]);
    expect(first).toMatchObject({ nextBefore: 80, total: 12 });
    const second = await listVersions(db, { projectId, search: "RETRY", limit: 5, before: 80 });
    expect(numbers(second)).toEqual([70, 60, 50, 40, 30]);
    const third = await listVersions(db, { projectId, search: "RETRY", limit: 5, before: 30 });
    expect(numbers(third)).toEqual([20, 10]);
    expect(third).toMatchObject({ nextBefore: null, total: 12 });
  });

  it("treats _ and % in a search as plain characters", async () => {
    const { db } = testDb;
    const other = await newProject(db, { "a.ts": "a" });
    await version(db, other, "hot_fix");
    await version(db, other, "hotxfix");
    await version(db, other, "100% done");
    await version(db, other, "1000 done");
    expect((await listVersions(db, { projectId: other, search: "_" })).items.map((item) => item.name)).toEqual(["hot_fix"]);
    expect((await listVersions(db, { projectId: other, search: "0%" })).items.map((item) => item.name)).toEqual([
      "100% done",
    ]);
  });

  it("lists only the project's own versions", async () => {
    const { db } = testDb;
    const other = await newProject(db, { "a.ts": "a" });
    expect(await listVersions(db, { projectId: other })).toEqual({ items: [], nextBefore: null, total: 0 });
    await version(db, other, "v1");
    const page = await listVersions(db, { projectId: other });
    expect(page.items.map((item) => [item.number, item.name])).toEqual([[1, "v1"]]);
    expect(page.total).toBe(1);
  });
});
