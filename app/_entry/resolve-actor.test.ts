import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOwner } from "@/lib/auth/create-owner";
import { DEMO_PASSWORD, seedDemoUsers } from "@/lib/auth/seed-demo-users";
import { getAuth } from "@/lib/auth/server";
import { closeDb, getDb } from "@/lib/db/client";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { PROJECT_SUMMARY_SELECT, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { value } from "@/lib/testing/harness";
import { resolveActor, resolveProjectActor } from "./resolve-actor";

/** The request's headers as next/headers would give them: the cookie of whoever the test signs in as. */
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

const ORIGIN = "http://127.0.0.1:3000";
let folder: string;
let db: PrismaClient;
let sample: ProjectSummary;
let other: ProjectSummary;
const OWNER = { name: "Olga Owner", email: "olga@example.com", password: "owner password 1" };

async function signInAs(email: string, password: string): Promise<Headers> {
  const response = await (await getAuth()).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status, email).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";", 1)[0]!;
  return new Headers({ cookie, host: "127.0.0.1:3000" });
}

beforeAll(async () => {
  stubTestSecretKey();
  // More sign-ins than one address may make in a minute.
  vi.stubEnv("DRAFTLINE_SIGN_IN_ATTEMPTS", "100");
  folder = await mkdtemp(path.join(os.tmpdir(), "draftline-actor-"));
  process.env.DRAFTLINE_DATA_DIR = folder;
  delete process.env.DATABASE_URL;
  db = await getDb();
  value(await createProject(db, { ...SAMPLE_PROJECT, environments: ["development"] }));
  value(await createProject(db, { slug: "elsewhere", name: "Elsewhere", files: [{ path: "a.ts", content: "a\n" }], environments: ["development"] }));
  sample = await db.project.findUniqueOrThrow({ where: { slug: SAMPLE_PROJECT.slug }, select: PROJECT_SUMMARY_SELECT });
  other = await db.project.findUniqueOrThrow({ where: { slug: "elsewhere" }, select: PROJECT_SUMMARY_SELECT });
  value(await createOwner(db, OWNER));
  await seedDemoUsers(db);
});

afterAll(async () => {
  await closeDb();
  await rm(folder, { recursive: true, force: true });
});

describe("resolveActor", () => {
  it("asks a request without a session to sign in", async () => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000" });
    expect(await resolveActor(db, sample)).toEqual({ ok: false, error: { code: "unauthenticated", message: "Sign in to continue." } });
    requestHeaders = new Headers({ host: "127.0.0.1:3000", cookie: "draftline.session_token=forged.signature-of-nothing" });
    expect(await resolveActor(db, sample)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("makes the owner an admin of every project, without a membership", async () => {
    requestHeaders = await signInAs(OWNER.email, OWNER.password);
    const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER.email } });
    expect(await db.projectMember.count({ where: { userId: owner.id } })).toBe(0);
    for (const project of [sample, other]) {
      expect(await resolveActor(db, project)).toEqual({ ok: true, value: { id: owner.id, name: OWNER.name, role: "admin" } });
    }
  });

  it("gives a member their role in their project", async () => {
    requestHeaders = await signInAs("builder@draftline.test", DEMO_PASSWORD);
    const builder = await db.user.findUniqueOrThrow({ where: { email: "builder@draftline.test" } });
    expect(await resolveActor(db, sample)).toEqual({ ok: true, value: { id: builder.id, name: builder.name, role: "builder" } });
  });

  it("answers a member of another project as if this project did not exist", async () => {
    requestHeaders = await signInAs("viewer@draftline.test", DEMO_PASSWORD);
    expect(await resolveActor(db, other)).toEqual({ ok: false, error: { code: "not_found", message: `There is no project "elsewhere".` } });
  });

  it("stops accepting a session once it is signed out", async () => {
    requestHeaders = await signInAs("viewer@draftline.test", DEMO_PASSWORD);
    expect((await resolveActor(db, sample)).ok).toBe(true);
    await (await getAuth()).api.signOut({ headers: requestHeaders });
    expect(await resolveActor(db, sample)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});

describe("resolveProjectActor", () => {
  it("answers the project with the member acting there; an unknown project and another project's are the same not_found", async () => {
    requestHeaders = await signInAs("builder@draftline.test", DEMO_PASSWORD);
    const builder = await db.user.findUniqueOrThrow({ where: { email: "builder@draftline.test" } });
    expect(await resolveProjectActor(db, sample.slug)).toEqual({ ok: true, value: { project: sample, actor: { id: builder.id, name: builder.name, role: "builder" } } });
    expect(await resolveProjectActor(db, "elsewhere")).toEqual({ ok: false, error: { code: "not_found", message: `There is no project "elsewhere".` } });
    expect(await resolveProjectActor(db, "no-such-project")).toEqual({ ok: false, error: { code: "not_found", message: `There is no project "no-such-project".` } });
    expect(await resolveProjectActor(db, "Not A Slug")).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("asks a request without a valid session to sign in, whichever project it names", async () => {
    const signed = (await signInAs("builder@draftline.test", DEMO_PASSWORD)).get("cookie")!;
    const [, token, signature] = /^draftline\.session_token=([^.]+)\.(.+)$/.exec(signed)!;
    const otherToken = `${token!.slice(1)}x`;
    for (const cookie of [
      null,
      "draftline.session_token=forged.signature-of-nothing",
      // Another token under the signature of a real one, and a real token with its signature cut or changed.
      `draftline.session_token=${otherToken}.${signature}`,
      `draftline.session_token=${token}`,
      `draftline.session_token=${token}.${signature!.replace(/^./, (first) => (first === "A" ? "B" : "A"))}`,
      // The signed value under another name, which is not the session cookie.
      signed.replace("draftline.session_token", "draftline.session_tokens"),
    ]) {
      requestHeaders = new Headers({ host: "127.0.0.1:3000", ...(cookie ? { cookie } : {}) });
      for (const slug of [sample.slug, "no-such-project"]) {
        expect(await resolveProjectActor(db, slug), `${cookie} ${slug}`).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      }
    }
  });

  it("refuses a signed-out, revoked or expired session at once, and lets Better Auth extend one due for it", async () => {
    const sessionOf = async (headers: Headers) => {
      const token = /draftline\.session_token=([^.;]+)\./.exec(headers.get("cookie")!)![1]!;
      return db.session.findUniqueOrThrow({ where: { token } });
    };
    requestHeaders = await signInAs("builder@draftline.test", DEMO_PASSWORD);
    expect((await resolveProjectActor(db, sample.slug)).ok).toBe(true);
    await (await getAuth()).api.signOut({ headers: requestHeaders });
    expect(await resolveProjectActor(db, sample.slug)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    requestHeaders = await signInAs("builder@draftline.test", DEMO_PASSWORD);
    await db.session.delete({ where: { id: (await sessionOf(requestHeaders)).id } });
    expect(await resolveProjectActor(db, sample.slug)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    requestHeaders = await signInAs("builder@draftline.test", DEMO_PASSWORD);
    const session = await sessionOf(requestHeaders);
    await db.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveProjectActor(db, sample.slug)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    // Signed in two days ago (Better Auth extends a 7-day session once it is a day old): extended now.
    const signedInTwoDaysAgo = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    await db.session.update({ where: { id: session.id }, data: { expiresAt: signedInTwoDaysAgo } });
    expect((await resolveProjectActor(db, sample.slug)).ok).toBe(true);
    expect((await sessionOf(requestHeaders)).expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
  });
});
