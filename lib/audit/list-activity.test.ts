import { describe, expect, it } from "vitest";
import { newProject, type TestProject } from "@/lib/deployments/test-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setupTestDb } from "@/lib/testing/harness";
import { activityQuery, NO_ACCOUNT, parseActivityCursor, parseActivityFilters, type ActivityFilters } from "./activity-filters";
import { listActivity } from "./list-activity";
import { listActivityPeople } from "./list-activity-people";

const testDb = setupTestDb();

const PEOPLE = [
  { id: "user-ada", name: "Ada" },
  { id: "user-grace", name: "Grace" },
  { id: null, name: "Local user" },
] as const;
const KINDS = ["version.created", "deployment.deployed", "settings.changed"] as const;

/** `count` events cycling through people, kinds and environments, one a day from 2026-01-01, oldest first. */
async function seed(db: PrismaClient, project: TestProject, count: number) {
  const environments = [project.environments.development, project.environments.production, null];
  await db.auditEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      projectId: project.projectId,
      environmentId: environments[index % 3],
      actorId: PEOPLE[index % 3]!.id,
      actorName: PEOPLE[index % 3]!.name,
      kind: KINDS[Math.floor(index / 3) % 3]!,
      summary: { index },
      createdAt: new Date(Date.UTC(2026, 0, 1 + index, 12)),
    })),
  });
}

/** Every page from the newest to the oldest: the indexes of the events, in order. */
async function walk(projectId: string, filters: ActivityFilters, limit: number) {
  const seen: number[] = [];
  let before: bigint | undefined;
  for (;;) {
    const page = await listActivity(testDb.db, { projectId, filters, cursor: before === undefined ? {} : { before }, limit });
    seen.push(...page.items.map((event) => event.summary.index as number));
    if (page.olderBefore === null) return seen;
    before = BigInt(page.olderBefore);
  }
}

describe("listActivity", () => {
  it("pages through every event exactly once, newest first, and back again with `after`", async () => {
    const project = await newProject(testDb.db, "activity-paging");
    await seed(testDb.db, project, 23);
    const all = await walk(project.projectId, {}, 5);
    expect(all).toEqual(Array.from({ length: 23 }, (_, index) => 22 - index));

    const first = await listActivity(testDb.db, { projectId: project.projectId, limit: 5 });
    expect(first.newerAfter).toBeNull();
    const second = await listActivity(testDb.db, { projectId: project.projectId, cursor: { before: BigInt(first.olderBefore!) }, limit: 5 });
    const third = await listActivity(testDb.db, { projectId: project.projectId, cursor: { before: BigInt(second.olderBefore!) }, limit: 5 });
    const back = await listActivity(testDb.db, { projectId: project.projectId, cursor: { after: BigInt(third.newerAfter!) }, limit: 5 });
    expect(back.items.map((event) => event.id)).toEqual(second.items.map((event) => event.id));
    const backToStart = await listActivity(testDb.db, { projectId: project.projectId, cursor: { after: BigInt(second.items[0]!.id) }, limit: 5 });
    expect(backToStart.items.map((event) => event.id)).toEqual(first.items.map((event) => event.id));
    expect(backToStart.newerAfter).toBeNull();
  });

  it("never shows another project's events", async () => {
    const mine = await newProject(testDb.db, "activity-mine");
    const theirs = await newProject(testDb.db, "activity-theirs");
    await seed(testDb.db, theirs, 4);
    expect((await listActivity(testDb.db, { projectId: mine.projectId })).items).toEqual([]);
    expect(await listActivityPeople(testDb.db, mine.projectId)).toEqual([]);
  });

  it("filters by person, kind, environment and days, alone and together", async () => {
    const project = await newProject(testDb.db, "activity-filters");
    await seed(testDb.db, project, 30);
    const indexes = Array.from({ length: 30 }, (_, index) => 29 - index);
    const expectMatches = async (filters: ActivityFilters, keep: (index: number) => boolean) =>
      expect(await walk(project.projectId, filters, 4)).toEqual(indexes.filter(keep));

    await expectMatches({ person: "user-grace" }, (index) => index % 3 === 1);
    await expectMatches({ person: NO_ACCOUNT }, (index) => index % 3 === 2);
    await expectMatches({ kind: "deployment.deployed" }, (index) => Math.floor(index / 3) % 3 === 1);
    await expectMatches({ environmentId: project.environments.production }, (index) => index % 3 === 1);
    // 2026-01-05 is index 4, 2026-01-12 index 11: both days whole.
    await expectMatches({ from: "2026-01-05", to: "2026-01-12" }, (index) => index >= 4 && index <= 11);
    await expectMatches({ from: "2026-01-28" }, (index) => index >= 27);
    await expectMatches({ to: "2026-01-01" }, (index) => index === 0);
    await expectMatches(
      { person: "user-ada", kind: "version.created", environmentId: project.environments.development, from: "2026-01-02" },
      (index) => index % 3 === 0 && Math.floor(index / 3) % 3 === 0 && index >= 1,
    );
    await expectMatches({ person: "user-nobody" }, () => false);
  });

  it("lists the people in the log by name, events without an account as one entry", async () => {
    const project = await newProject(testDb.db, "activity-people");
    await seed(testDb.db, project, 6);
    expect(await listActivityPeople(testDb.db, project.projectId)).toEqual([
      { id: "user-ada", name: "Ada" },
      { id: "user-grace", name: "Grace" },
      { id: NO_ACCOUNT, name: "Local user (no account)" },
    ]);
  });
});

describe("the URL's filters", () => {
  const parse = (query: string) => parseActivityFilters(new URLSearchParams(query));

  it("reads what activityQuery writes, and treats empty values as not given", () => {
    const filters = { person: "user-ada", kind: "settings.changed", environmentId: "0b7f4c1e-8a47-4e6f-9d3c-2a1b0c9d8e7f", from: "2026-11-01", to: "2026-11-29" };
    expect(parse(activityQuery(filters).slice(1))).toEqual({ ok: true, value: filters });
    expect(parse("person=&kind=&environment=&from=&to=")).toEqual({ ok: true, value: {} });
    expect(activityQuery({}, { before: "42" })).toBe("?before=42");
  });

  it("refuses what names nothing, with a message for people", () => {
    expect(parse("from=2026-02-30")).toMatchObject({ ok: false, error: { code: "invalid", message: "From must be a date like 2026-11-29." } });
    expect(parse("from=2026-11-29&to=2026-11-01")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(parse("environment=production")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(parse("kind=DROP TABLE")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(parse("person=a%00b")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(parseActivityCursor(new URLSearchParams("before=abc"))).toMatchObject({ ok: false });
    expect(parseActivityCursor(new URLSearchParams("before=99999999999999999999"))).toMatchObject({ ok: false });
    expect(parseActivityCursor(new URLSearchParams("before=1&after=2"))).toMatchObject({ ok: false });
    expect(parseActivityCursor(new URLSearchParams("after=17"))).toEqual({ ok: true, value: { after: BigInt(17) } });
  });
});
