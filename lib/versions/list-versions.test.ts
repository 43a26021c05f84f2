import { beforeAll, describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { newProject, type TestProject } from "@/lib/deployments/test-fixtures";
import { setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "./create-version";
import { listVersionAuthors } from "./list-version-authors";
import { listVersions, type VersionFilters } from "./list-versions";
import type { VersionOrigin } from "./version-summary";

const testDb = setupTestDb();

const AUTHORS = ["ada@example.com", "grace@example.com", "linus@example.com"] as const;
const ORIGINS: VersionOrigin[] = ["manual", "manual", "deployment", "backup"];

/**
 * Version n (1…40): author AUTHORS[n % 3], origin ORIGINS[n % 4], "Retry ERP writes" in the
 * description of every fifth; production runs #17, staging #17 too, development #40.
 */
describe("listVersions with filters", () => {
  let project: TestProject;
  let other: TestProject;

  beforeAll(async () => {
    const { db } = testDb;
    project = await newProject(db, "filters");
    other = await newProject(db, "other");
    const ids: string[] = [];
    for (let number = 1; number <= 40; number++) {
      value(await createDraftFile(db, { projectId: project.projectId, path: `changes/${number}.txt`, content: String(number) }));
      const description = number % 5 === 0 ? `Retry ERP writes (${number})` : `Routine change ${number}`;
      const created = await createVersion(db, {
        projectId: project.projectId,
        name: `v${number}`,
        description,
        origin: ORIGINS[number % 4]!,
        author: AUTHORS[number % 3]!,
      });
      ids[number] = value(created).id;
    }
    const deploy = (environmentId: string, versionId: string) =>
      deployVersion(db, { projectId: project.projectId, environmentId, versionId, author: "ada@example.com", confirmed: true });
    value(await deploy(project.environments.production, ids[12]!));
    value(await deploy(project.environments.production, ids[17]!));
    value(await deploy(project.environments.staging, ids[17]!));
    value(await deploy(project.environments.development, ids[40]!));
    // Another project's production runs its own version, which must never show up here.
    const foreign = value(await createVersion(db, { projectId: other.projectId, name: "v1", origin: "manual", author: "ada@example.com" }));
    value(
      await deployVersion(db, {
        projectId: other.projectId,
        environmentId: other.environments.production,
        versionId: foreign.id,
        author: "ada@example.com",
        confirmed: true,
      }),
    );
  });

  const list = (filters: VersionFilters & { before?: number; limit?: number }) =>
    listVersions(testDb.db, { projectId: project.projectId, ...filters });

  const numbers = (page: { items: Array<{ number: number }> }) => page.items.map((item) => item.number);

  function expected(keep: (number: number) => boolean): number[] {
    return Array.from({ length: 40 }, (_, index) => 40 - index).filter(keep);
  }

  it("narrows to the version an environment runs now, not the ones it ran before", async () => {
    const production = await list({ environment: "production" });
    expect(numbers(production)).toEqual([17]);
    expect(production).toMatchObject({ total: 1, nextBefore: null });
    expect(production.items[0]).toMatchObject({ name: "v17" });
    expect(numbers(await list({ environment: "development" }))).toEqual([40]);
    expect(await list({ environment: "qa" })).toEqual({ items: [], nextBefore: null, total: 0 });
  });

  it("narrows by origin and by author", async () => {
    const backups = await list({ origin: "backup" });
    expect(numbers(backups)).toEqual(expected((number) => ORIGINS[number % 4] === "backup"));
    expect(backups.total).toBe(10);
    const grace = await list({ author: "grace@example.com" });
    expect(numbers(grace)).toEqual(expected((number) => number % 3 === 1));
    expect(grace.total).toBe(14);
    expect((await list({ author: "nobody@example.com" })).total).toBe(0);
  });

  it("combines every filter with the search", async () => {
    const page = await list({ search: "retry", author: "grace@example.com", origin: "manual" });
    expect(numbers(page)).toEqual(expected((number) => number % 5 === 0 && number % 3 === 1 && number % 4 <= 1));
    expect(numbers(page)).toEqual([40, 25]);
    expect(numbers(await list({ search: "v17", environment: "staging" }))).toEqual([17]);
    expect((await list({ search: "v12", environment: "production" })).total).toBe(0);
  });

  it("pages through filtered results with the cursor, counting only matches", async () => {
    const want = expected((number) => number % 3 === 2);
    const seen: number[] = [];
    let before: number | undefined;
    for (let pages = 1; ; pages++) {
      const page = await list({ author: "linus@example.com", limit: 4, before });
      expect(page.total).toBe(want.length);
      seen.push(...numbers(page));
      if (page.nextBefore === null) {
        expect(pages).toBe(Math.ceil(want.length / 4));
        break;
      }
      before = page.nextBefore;
    }
    expect(seen).toEqual(want);
  });

  it("lists the project's authors once each, alphabetically", async () => {
    expect(await listVersionAuthors(testDb.db, project.projectId)).toEqual([...AUTHORS]);
    expect(await listVersionAuthors(testDb.db, other.projectId)).toEqual(["ada@example.com"]);
  });
});
