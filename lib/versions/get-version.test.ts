import { describe, expect, it } from "vitest";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "./create-version";
import { getVersion } from "./get-version";

const testDb = setupTestDb();

describe("getVersion", () => {
  it("gives the version's summary and its paths as they were when it was created", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "b.ts": "b", "a/readme.md": "a" });
    const created = value(await createVersion(db, { projectId, name: "1.0.0", description: "First", origin: "manual", author: "Ada" }));
    await save(db, projectId, "b.ts", "changed");

    const found = value(await getVersion(db, { projectId, versionId: created.id }));
    expect(found.version).toMatchObject({ id: created.id, name: "1.0.0", number: 1, description: "First", author: "Ada", fileCount: 2 });
    expect(found.paths).toEqual(["a/readme.md", "b.ts"]);
  });

  it("refuses unknown ids and versions of another project", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const otherProjectId = await newProject(db, { "a.ts": "a" });
    const foreign = value(await createVersion(db, { projectId: otherProjectId, name: "1.0.0", origin: "manual", author: "Ada" }));

    expect(failure(await getVersion(db, { projectId, versionId: foreign.id })).code).toBe("not_found");
    expect(failure(await getVersion(db, { projectId, versionId: "no-such-version" })).code).toBe("not_found");
  });
});
