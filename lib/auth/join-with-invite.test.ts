import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createInvite } from "@/lib/members/create-invite";
import { createProject } from "@/lib/projects/create-project";
import { value } from "@/lib/testing/harness";
import { createOwner } from "./create-owner";
import { ACCOUNT_EXISTS, joinAsUser, joinWithNewAccount } from "./join-with-invite";

let connection: Awaited<ReturnType<typeof createTestDb>>;
let db: PrismaClient;
let projectId: string;
let owner: { id: string; name: string };

beforeAll(async () => {
  connection = await createTestDb();
  db = connection.prisma;
  projectId = value(await createProject(db, { slug: "joined", name: "Joined", files: [{ path: "a.ts", content: "a\n" }], environments: ["development"] })).id;
  owner = value(await createOwner(db, { name: "Olga Owner", email: "olga@example.com", password: "owner password 1" }));
});

afterAll(() => connection.close());

const invite = async (email: string) => value(await createInvite(db, { projectId, email, role: "builder", createdBy: owner }));

describe("joining through an invite", () => {
  it("makes the account, the membership and uses the link up, together", async () => {
    const { token } = await invite("new@example.com");
    const joined = value(await joinWithNewAccount(db, { token, name: "Nina New", password: "a fine password" }));
    expect(joined.project.slug).toBe("joined");
    const user = await db.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    expect(user).toMatchObject({ name: "Nina New", isOwner: false });
    expect(await db.account.count({ where: { userId: user.id, providerId: "credential" } })).toBe(1);
    expect(await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } })).toMatchObject({ role: "builder" });
    expect(await db.auditEvent.count({ where: { kind: "member.joined", actorId: user.id } })).toBe(1);
    expect(await joinWithNewAccount(db, { token, name: "Again", password: "a fine password" })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("refuses a second account for an email that has one, and leaves the invite open", async () => {
    const { token } = await invite("olga@example.com");
    expect(await joinWithNewAccount(db, { token, name: "Olga Two", password: "a fine password" })).toEqual({ ok: false, error: { code: "conflict", message: ACCOUNT_EXISTS } });
    expect(await db.user.count({ where: { email: "olga@example.com" } })).toBe(1);
    // The owner may take it up signed in (an admin everywhere already, the membership is recorded anyway).
    expect((await joinAsUser(db, { token, user: { ...owner, email: "olga@example.com" } })).ok).toBe(true);
  });

  it("lets only the invited person take it up while signed in", async () => {
    const { token } = await invite("someone@example.com");
    expect(await joinAsUser(db, { token, user: { ...owner, email: "olga@example.com" } })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.projectInvite.findFirstOrThrow({ where: { email: "someone@example.com" } })).toMatchObject({ acceptedAt: null });
  });
});
