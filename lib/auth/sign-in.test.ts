import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { value } from "@/lib/testing/harness";
import { createAuth, type Auth } from "./create-auth";
import { createOwner, needsOwner, OWNER_EXISTS } from "./create-owner";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "./seed-demo-users";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";

const ORIGIN = "http://127.0.0.1:3000";
let connection: Awaited<ReturnType<typeof createTestDb>>;
let db: PrismaClient;
let auth: Auth;

function signIn(email: string, password: string, address = "203.0.113.7") {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-forwarded-for": address, "user-agent": "vitest" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

beforeAll(async () => {
  connection = await createTestDb();
  db = connection.prisma;
  auth = createAuth(db, { secret: "a".repeat(43), origins: { publicOrigin: null, trustProxy: false }, signInAttempts: 3 });
  value(await createProject(db, { ...SAMPLE_PROJECT, environments: ["development"] }));
});

afterAll(() => connection.close());

describe("the owner account", () => {
  it("is made once, even when two first visits ask at the same time", async () => {
    expect(await needsOwner(db)).toBe(true);
    const attempts = await Promise.all([
      createOwner(db, { name: "First", email: "first@example.com", password: "correct horse 1" }),
      createOwner(db, { name: "Second", email: "second@example.com", password: "correct horse 2" }),
    ]);
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(1);
    expect(attempts.find((attempt) => !attempt.ok)).toMatchObject({ ok: false, error: { code: "conflict", message: OWNER_EXISTS } });
    expect(await db.user.count({ where: { isOwner: true } })).toBe(1);
    expect(await db.user.count()).toBe(1);
    expect(await needsOwner(db)).toBe(false);
    expect(await createOwner(db, { name: "Late", email: "late@example.com", password: "correct horse 3" })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});

describe("signing in", () => {
  beforeEach(async () => {
    await db.rateLimit.deleteMany();
  });

  it("accepts a demo account's password, sets an httpOnly SameSite=Lax cookie and records the sign-in", async () => {
    await seedDemoUsers(db);
    const [builder] = DEMO_USERS.filter((user) => user.role === "builder");
    const response = await signIn(builder!.email, DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^draftline\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const user = await db.user.findUniqueOrThrow({ where: { email: builder!.email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "sign_in" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ projectId: null, actorId: user.id, actorName: user.name, ipAddress: "203.0.113.7", userAgent: "vitest" });
  });

  it("refuses a wrong password and records the failure with the email tried, never the password", async () => {
    const response = await signIn("builder@draftline.test", "not-the-password");
    expect(response.status).toBe(401);
    const event = await db.auditEvent.findFirstOrThrow({ where: { kind: "sign_in_failed" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ projectId: null, actorId: null, ipAddress: "203.0.113.7", userAgent: "vitest" });
    expect(event.summary).toMatchObject({ email: "builder@draftline.test" });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain("not-the-password");
  });

  it("stops an address after its allowed attempts, in the database, while another address may still try", async () => {
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt++) answers.push((await signIn("viewer@draftline.test", `wrong-${attempt}-password`)).status);
    expect(answers).toEqual([401, 401, 401, 429]);
    expect(await db.rateLimit.count()).toBeGreaterThan(0);
    expect((await signIn("viewer@draftline.test", DEMO_PASSWORD, "198.51.100.9")).status).toBe(200);
  });

  it("refuses the open sign-up endpoint: accounts come from the first start and invites", async () => {
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", "x-forwarded-for": "192.0.2.44" },
        body: JSON.stringify({ name: "Mallory", email: "mallory@example.com", password: "long enough password" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.findUnique({ where: { email: "mallory@example.com" } })).toBeNull();
  });
});
