import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "./create-version";
import { listVersions, MAX_VERSION_PAGE_SIZE, versionPageSql } from "./list-versions";

const testDb = setupTestDb();

/**
 * Version History search over enough versions that the trigram indexes are worth the planner's
 * while, checked against a plain substring test in JavaScript: every version whose name or
 * description contains the search, ignoring case, once, newest first.
 */
const COUNT = 3000;
const nameOf = (number: number) => (number % 11 === 0 ? `Retry-Queue ${number}` : `1.${number}`);
const descriptionOf = (number: number) => (number % 5 === 0 ? `Added RETRY logic (#${number})` : `Routine change (#${number})`);

function matching(search: string, versions: Array<{ number: number; name: string; description: string }>): number[] {
  const needle = search.trim().toLowerCase();
  return versions
    .filter((version) => version.name.toLowerCase().includes(needle) || version.description.toLowerCase().includes(needle))
    .map((version) => version.number)
    .sort((a, b) => b - a);
}

/** Every match through the cursor, `limit` at a time; checks the count on each page and that the last page says so. */
async function pageThrough(db: PrismaClient, projectId: string, search: string, limit: number) {
  const numbers: number[] = [];
  const totals = new Set<number>();
  let before: number | undefined;
  for (;;) {
    const page = await listVersions(db, { projectId, search, limit, before });
    totals.add(page.total);
    numbers.push(...page.items.map((item) => item.number));
    if (page.nextBefore === null) break;
    expect(page.items).toHaveLength(limit);
    before = page.nextBefore;
  }
  return { numbers, totals: [...totals] };
}

/** Versions 1…`count` named by `names`, described by `descriptions`: one made by createVersion, the rest copies of it by SQL. */
async function insertVersions(db: PrismaClient, projectId: string, count: number, names = nameOf, descriptions = descriptionOf) {
  const first = value(await createVersion(db, { projectId, name: names(1), description: descriptions(1), origin: "manual", author: "ada@example.com" }));
  const numbers = Array.from({ length: count - 1 }, (_, index) => index + 2);
  await db.$executeRaw`
    INSERT INTO versions (id, project_id, number, name, name_key, description, origin, author, file_count, total_size, tree_hash, root_tree_id)
    SELECT gen_random_uuid()::text, t.project_id, n.number, n.name, lower(n.name), n.description, t.origin, t.author,
           t.file_count, t.total_size, t.tree_hash, t.root_tree_id
    FROM unnest(${numbers}::int[], ${numbers.map(names)}::text[], ${numbers.map(descriptions)}::text[]) AS n(number, name, description),
         versions AS t
    WHERE t.id = ${first.id}`;
  await db.$executeRaw`UPDATE projects SET version_counter = ${count} WHERE id = ${projectId}`;
  return [1, ...numbers].map((number) => ({ number, name: names(number), description: descriptions(number) }));
}

describe("searching the Version History", () => {
  let projectId: string;
  let versions: Array<{ number: number; name: string; description: string }>;

  beforeAll(async () => {
    const { db } = testDb;
    projectId = await newProject(db, { "a.ts": "a" });
    versions = await insertVersions(db, projectId, COUNT);
    // Another project whose versions match the same searches: the indexes find them too.
    const other = await newProject(db, { "a.ts": "a" });
    await insertVersions(db, other, 400, (number) => `retry ${number}`, () => "Retry, routine change, 1.7 (#1)");
  });

  it.each([
    ["in the name", "queue"],
    ["in the description", "logic"],
    ["in either, each version once", "retry"],
    ["ignoring case", "rOuTiNe ChAnGe"],
    ["spanning words", "ic (#12"],
    ["as a whole phrase, not word by word", "Added retry logic (#15"],
    ["with spaces around it trimmed", "  retry-queue 33  "],
  ])("finds versions with the search %s (%s)", async (_, search) => {
    const want = matching(search, versions);
    expect(want.length).toBeGreaterThan(0);
    const page = await listVersions(testDb.db, { projectId, search, limit: MAX_VERSION_PAGE_SIZE });
    expect(page.total).toBe(want.length);
    expect(page.items.map((item) => item.number)).toEqual(want.slice(0, MAX_VERSION_PAGE_SIZE));
  });

  it("finds nothing for a search nothing contains", async () => {
    expect(await listVersions(testDb.db, { projectId, search: "no such words anywhere" })).toEqual({ items: [], nextBefore: null, total: 0 });
    expect(await listVersions(testDb.db, { projectId, search: "qq" })).toEqual({ items: [], nextBefore: null, total: 0 });
  });

  it.each(["retry", "change", "1.7", "7", "#", "7)"])("pages through every match of %j once, newest first", async (search) => {
    const want = matching(search, versions);
    const { numbers, totals } = await pageThrough(testDb.db, projectId, search, 97);
    expect(numbers).toEqual(want);
    expect(totals).toEqual([want.length]);
  });
});

describe("searching for characters LIKE would read as wildcards", () => {
  const NAMES = ["hot_fix", "hotxfix", "100% done", "1000 done", "back\\slash", "backslash", "a\\%b", "plain"];
  let projectId: string;

  beforeAll(async () => {
    projectId = await newProject(testDb.db, { "a.ts": "a" });
    for (const name of NAMES) value(await createVersion(testDb.db, { projectId, name, origin: "manual", author: "ada@example.com" }));
  });

  it.each([
    ["_", ["hot_fix"]],
    ["t_f", ["hot_fix"]],
    ["HOT_FIX", ["hot_fix"]],
    ["%", ["a\\%b", "100% done"]],
    ["0%", ["100% done"]],
    ["100% done", ["100% done"]],
    ["\\", ["a\\%b", "back\\slash"]],
    ["k\\s", ["back\\slash"]],
    ["back\\slash", ["back\\slash"]],
    ["\\%", ["a\\%b"]],
    ["%%", []],
    ["__", []],
  ])("finds %j literally", async (search, names) => {
    const page = await listVersions(testDb.db, { projectId, search });
    expect(page.items.map((item) => item.name)).toEqual(names);
    expect(page.total).toBe(names.length);
  });
});

describe("the search's query plan without planner statistics", () => {
  let projectId: string;

  beforeAll(async () => {
    const { db } = testDb;
    // A fresh table, as the embedded database has it; no autovacuum may analyze it meanwhile.
    await db.$executeRaw`ALTER TABLE versions SET (autovacuum_enabled = off)`;
    projectId = await newProject(db, { "a.ts": "a" });
    await insertVersions(db, projectId, COUNT);
  });

  async function plan(search: string) {
    const rows = await testDb.db.$queryRaw<Array<{ "QUERY PLAN": string }>>(
      Prisma.sql`EXPLAIN ${versionPageSql({ projectId, search, limit: 50 })}`,
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it.each(["retry", "no such words anywhere", "Added retry logic to order sync workflow, then deployed it to staging"])("looks %j up in the trigram indexes of name and description", async (search) => {
    const text = await plan(search);
    expect(text).toMatch(/Bitmap Index Scan on versions_name_idx/);
    expect(text).toMatch(/Bitmap Index Scan on versions_description_idx/);
    expect(text).not.toMatch(/Seq Scan on versions/);
  });
});
