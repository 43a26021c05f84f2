import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { emptyTreeId } from "@/lib/testing/version-helpers";
import { createVersion } from "./create-version";
import { listVersionNames } from "./list-version-names";
import { versionNameKey } from "./schemas";

const test = setupTestDb();

async function create(projectId: string, name: string) {
  return value(await createVersion(test.db, { projectId, name, origin: "manual", author: "Ada" }));
}

describe("listVersionNames", () => {
  it("is empty for a project without versions", async () => {
    const projectId = await newProject(test.db, { "a.ts": "a" });
    expect(await listVersionNames(test.db, projectId)).toEqual([]);
  });

  it("lists the project's names newest first, by version number, as they were written", async () => {
    const projectId = await newProject(test.db, { "a.ts": "a" });
    const other = await newProject(test.db, { "b.ts": "b" });
    await create(projectId, "1.0.0");
    await create(other, "9.9.9");
    await create(projectId, "Order Retry");
    await create(projectId, "0.1.0");
    expect(await listVersionNames(test.db, projectId)).toEqual([
      { name: "0.1.0", origin: "manual" },
      { name: "Order Retry", origin: "manual" },
      { name: "1.0.0", origin: "manual" },
    ]);
  });

  it("tells each version's origin, so suggestions can leave backups out", async () => {
    const projectId = await newProject(test.db, { "a.ts": "a" });
    await create(projectId, "1.0.0");
    await createVersion(test.db, { projectId, name: "Draft before restoring 1.0.0", origin: "backup", author: "Ada" });
    await createVersion(test.db, { projectId, name: "1.1.0", origin: "deployment", author: "Ada" });
    expect((await listVersionNames(test.db, projectId)).map(({ origin }) => origin)).toEqual(["deployment", "backup", "manual"]);
  });

  it("with a name, finds only the version holding it, ignoring case and surrounding spaces", async () => {
    const projectId = await newProject(test.db, { "a.ts": "a" });
    const other = await newProject(test.db, { "b.ts": "b" });
    await create(projectId, "Order Retry");
    await create(projectId, "1.0.0");
    await create(other, "Hotfix");
    expect(await listVersionNames(test.db, projectId, " order retry ")).toEqual([{ name: "Order Retry", origin: "manual" }]);
    expect(await listVersionNames(test.db, projectId, "Order")).toEqual([]);
    expect(await listVersionNames(test.db, projectId, "hotfix")).toEqual([]);
  });

  it("returns every name at once, not a page", async () => {
    const projectId = await newProject(test.db);
    const count = 1_000;
    const rootTreeId = await emptyTreeId(test.db);
    await test.db.version.createMany({
      data: Array.from({ length: count }, (_, index) => {
        const name = `build ${index + 1}`;
        return {
          id: randomUUID(),
          projectId,
          number: index + 1,
          name,
          nameKey: versionNameKey(name),
          origin: "manual",
          author: "Ada",
          fileCount: 0,
          totalSize: 0,
          treeHash: "0".repeat(64),
          rootTreeId,
        };
      }),
    });
    const names = await listVersionNames(test.db, projectId);
    expect(names).toHaveLength(count);
    expect(names.slice(0, 2).map(({ name }) => name)).toEqual(["build 1000", "build 999"]);
    expect(names.at(-1)?.name).toBe("build 1");
  });
});
