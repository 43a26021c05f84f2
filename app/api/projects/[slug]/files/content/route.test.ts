import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, seedDemoUsers } from "@/lib/auth/seed-demo-users";
import { getAuth } from "@/lib/auth/server";
import { closeDb, getDb } from "@/lib/db/client";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { logStatements } from "@/lib/testing/count-statements";
import { value } from "@/lib/testing/harness";
import { GET, PUT } from "./route";

/** The request's headers as next/headers gives them to the session lookup. */
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

/**
 * What an autosave may cost the database: the session of the cookie with its person, the project
 * and their membership (one join, app/_entry/resolve-actor.ts), and the save itself (one UPDATE
 * that checks the revision). It is the request 50 people send every second (npm run bench), and
 * on the embedded database every statement costs the one CPU that serves them all.
 */
const STATEMENTS_PER_SAVE = 2;

const ORIGIN = "http://127.0.0.1:3000";
const SLUG = SAMPLE_PROJECT.slug;
const FILE = SAMPLE_PROJECT.files[0]!.path;
const url = `${ORIGIN}/api/projects/${SLUG}/files/content?${new URLSearchParams({ path: FILE })}`;
const routeContext = { params: Promise.resolve({ slug: SLUG }) };
let folder: string;
let db: PrismaClient;

beforeAll(async () => {
  stubTestSecretKey();
  folder = await mkdtemp(path.join(os.tmpdir(), "draftline-save-route-"));
  process.env.DRAFTLINE_DATA_DIR = folder;
  delete process.env.DATABASE_URL;
  db = await getDb();
  value(await createProject(db, { ...SAMPLE_PROJECT, environments: ["development"] }));
  await seedDemoUsers(db);
});

afterAll(async () => {
  await closeDb();
  await rm(folder, { recursive: true, force: true });
});

async function signInAs(email: string) {
  const response = await (await getAuth()).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    }),
  );
  expect(response.status, email).toBe(200);
  requestHeaders = new Headers({ cookie: (response.headers.get("set-cookie") ?? "").split(";", 1)[0]!, host: "127.0.0.1:3000", origin: ORIGIN });
}

async function revision(): Promise<number> {
  const loaded = await GET(new Request(url, { headers: requestHeaders }), routeContext);
  expect(loaded.status).toBe(200);
  return ((await loaded.json()) as { revision: number }).revision;
}

async function save(content: string, baseRevision: number) {
  const headers = new Headers(requestHeaders);
  headers.set("content-type", "application/json");
  const response = await PUT(new Request(url, { method: "PUT", headers, body: JSON.stringify({ content, baseRevision }) }), routeContext);
  return { status: response.status, body: (await response.json()) as { revision?: number; error?: { code: string } } };
}

/** The embedded database under the app's client, as the server runs it. */
async function appPglite(): Promise<PGlite> {
  const connection = (await globalThis.__draftlineConnection) as unknown as { pglite?: PGlite };
  if (!connection.pglite) throw new Error("These tests count the statements of the embedded database.");
  return connection.pglite;
}

describe("PUT /api/projects/[slug]/files/content (autosave)", () => {
  beforeEach(() => signInAs("builder@draftline.test"));

  it(`saves in at most ${STATEMENTS_PER_SAVE} statements, the conflict check included`, async () => {
    let base = await revision();
    const log = logStatements(await appPglite());
    try {
      for (let turn = 0; turn < 3; turn++) {
        log.statements.length = 0;
        const saved = await save(`# Saved ${turn}\n`, base);
        expect(saved.status).toBe(200);
        base = saved.body.revision!;
        expect(log.statements.length, log.statements.join("\n")).toBeLessThanOrEqual(STATEMENTS_PER_SAVE);
      }
      // A stale save is still refused: the same statements, and the read of what is stored to show it.
      log.statements.length = 0;
      expect(await save("# Stale\n", base - 1)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
      expect(log.statements.length, log.statements.join("\n")).toBeLessThanOrEqual(STATEMENTS_PER_SAVE + 1);
    } finally {
      log.stop();
    }
    expect(await db.draftFile.findFirst({ where: { path: FILE, project: { slug: SLUG } }, select: { content: true, revision: true } })).toEqual({
      content: "# Saved 2\n",
      revision: base,
    });
  });

  it("takes a changed role, a removed membership and a sign-out into account at the very next save", async () => {
    const builder = await db.user.findUniqueOrThrow({ where: { email: "builder@draftline.test" } });
    const project = await db.project.findUniqueOrThrow({ where: { slug: SLUG } });
    const membership = { projectId_userId: { projectId: project.id, userId: builder.id } };
    let base = await revision();
    const saved = await save("# Before\n", base);
    expect(saved.status).toBe(200);
    base = saved.body.revision!;

    await db.projectMember.update({ where: membership, data: { role: "viewer" } });
    expect(await save("# As a viewer\n", base)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    await db.projectMember.delete({ where: membership });
    expect(await save("# As nobody\n", base)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    await db.projectMember.create({ data: { ...membership.projectId_userId, role: "builder" } });
    expect((await save("# Back\n", base)).status).toBe(200);

    await (await getAuth()).api.signOut({ headers: requestHeaders });
    expect(await save("# Signed out\n", base + 1)).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    expect(await db.draftFile.findFirst({ where: { path: FILE, projectId: project.id }, select: { content: true } })).toEqual({ content: "# Back\n" });
  });
});
