import { describe, expect, it } from "vitest";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { newMember, newUser } from "@/lib/testing/people";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { acceptInvite } from "./accept-invite";
import { createInvite, INVITE_LIFETIME_MS } from "./create-invite";
import { findInvite } from "./find-invite";
import { hashInviteToken } from "./invite-token";
import { listMembers } from "./list-members";
import { revokeInvite } from "./revoke-invite";

const test = setupTestDb();
const ADMIN = { id: null, name: "Ada Admin" };

function events(projectId: string, kind?: string) {
  return test.db.auditEvent.findMany({ where: { projectId, ...(kind ? { kind } : {}) }, orderBy: { id: "asc" } });
}

function accept(token: string, user: { id: string; name: string }, now?: Date) {
  return runInTransaction(test.db, (tx) => acceptInvite(tx, { token, user }, now));
}

async function invite(projectId: string, email = `new.${Math.random().toString(36).slice(2)}@example.com`, role: "viewer" | "builder" | "release_manager" | "admin" = "builder") {
  return value(await createInvite(test.db, { projectId, email, role, createdBy: ADMIN }));
}

describe("createInvite", () => {
  it("stores only the token's hash, expires in 7 days and records member.invited", async () => {
    const projectId = await newProject(test.db);
    const now = new Date("2026-11-29T10:00:00Z");
    const created = value(await createInvite(test.db, { projectId, email: "bo@example.com", role: "builder", createdBy: ADMIN }, now));
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt.getTime() - now.getTime()).toBe(INVITE_LIFETIME_MS);

    const row = await test.db.projectInvite.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashInviteToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const [event] = await events(projectId);
    expect(event).toMatchObject({ kind: "member.invited", actorName: "Ada Admin", actorId: null });
    expect(event?.summary).toEqual({ inviteId: created.id, email: "bo@example.com", role: "Builder", expiresAt: created.expiresAt.toISOString() });
    expect(JSON.stringify(event?.summary)).not.toContain(created.token);
  });

  it("refuses an email that is already a member's, recording nothing", async () => {
    const projectId = await newProject(test.db);
    const member = await newMember(test.db, projectId, "viewer");
    expect(failure(await createInvite(test.db, { projectId, email: member.email, role: "admin", createdBy: ADMIN }))).toMatchObject({
      code: "conflict",
      message: `${member.email} is already a member of this project. Change their role in the list instead.`,
    });
    expect(await test.db.projectInvite.count({ where: { projectId } })).toBe(0);
    expect(await events(projectId)).toEqual([]);
  });
});

describe("findInvite", () => {
  it("finds an open invite by its token, with its project", async () => {
    const projectId = await newProject(test.db);
    const created = await invite(projectId, "cy@example.com", "release_manager");
    const found = value(await findInvite(test.db, created.token));
    expect(found).toMatchObject({ id: created.id, email: "cy@example.com", role: "release_manager", project: { id: projectId } });
  });

  it.each([
    ["no token", undefined],
    ["a number", 42],
    ["an empty string", ""],
    ["a token one character short", "a".repeat(42)],
    ["a token one character long", "a".repeat(44)],
    ["a token with a character outside base64url", `${"a".repeat(42)}+`],
    ["a NUL byte", `${"a".repeat(42)}\u0000`],
    ["a well-formed token that names no invite", "b".repeat(43)],
  ])("answers not found for %s", async (_label, token) => {
    expect(failure(await findInvite(test.db, token))).toEqual({
      code: "not_found",
      message: "This invite link is not valid. Ask an admin of the project for a new one.",
    });
  });

  it("says when a link has expired, at the instant it expires", async () => {
    const projectId = await newProject(test.db);
    const created = await invite(projectId);
    value(await findInvite(test.db, created.token, new Date(created.expiresAt.getTime() - 1)));
    expect(failure(await findInvite(test.db, created.token, created.expiresAt))).toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
  });
});

describe("acceptInvite", () => {
  it("makes the person a member with the invite's role, uses the invite up and records member.joined", async () => {
    const projectId = await newProject(test.db);
    const created = await invite(projectId, "dee@example.com", "builder");
    const dee = await newUser(test.db, "Dee");

    value(await accept(created.token, dee));
    const { members, invites } = await listMembers(test.db, projectId);
    expect(members).toEqual([expect.objectContaining({ userId: dee.id, name: "Dee", role: "builder" })]);
    expect(invites).toEqual([]);
    const row = await test.db.projectInvite.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.acceptedById).toBe(dee.id);
    const joined = await events(projectId, "member.joined");
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ actorId: dee.id, actorName: "Dee", summary: { inviteId: created.id, userId: dee.id, role: "Builder" } });
  });

  it("is single use: a second accept, by anyone, is refused and changes nothing", async () => {
    const projectId = await newProject(test.db);
    const created = await invite(projectId);
    const first = await newUser(test.db);
    const second = await newUser(test.db);
    value(await accept(created.token, first));
    expect(failure(await accept(created.token, second))).toMatchObject({ code: "conflict", message: expect.stringContaining("already been used") });
    expect(failure(await accept(created.token, first))).toMatchObject({ code: "conflict" });
    expect((await listMembers(test.db, projectId)).members.map((member) => member.userId)).toEqual([first.id]);
    expect(await events(projectId, "member.joined")).toHaveLength(1);
  });

  it("of two concurrent accepts of one link, makes exactly one member", async () => {
    const projectId = await newProject(test.db);
    const created = await invite(projectId);
    const people = await Promise.all([newUser(test.db), newUser(test.db), newUser(test.db)]);
    const results = await Promise.all(people.map((person) => accept(created.token, person)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => failure(result).code)).toEqual(["conflict", "conflict"]);
    expect((await listMembers(test.db, projectId)).members).toHaveLength(1);
    expect(await events(projectId, "member.joined")).toHaveLength(1);
  });

  it("refuses an expired link and a withdrawn one, adding no member", async () => {
    const projectId = await newProject(test.db);
    const expiring = await invite(projectId);
    const withdrawn = await invite(projectId);
    const person = await newUser(test.db);
    expect(failure(await accept(expiring.token, person, expiring.expiresAt))).toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
    value(await revokeInvite(test.db, { projectId, inviteId: withdrawn.id, actor: ADMIN }));
    expect(failure(await accept(withdrawn.token, person))).toMatchObject({ code: "conflict", message: expect.stringContaining("withdrawn") });
    expect(failure(await accept("not-a-token", person))).toMatchObject({ code: "not_found" });
    expect((await listMembers(test.db, projectId)).members).toEqual([]);
    expect(await events(projectId, "member.joined")).toEqual([]);
  });

  it("never lowers the role of someone who is already a member", async () => {
    const projectId = await newProject(test.db);
    const admin = await newMember(test.db, projectId, "admin");
    const created = value(await createInvite(test.db, { projectId, email: "other@example.com", role: "viewer", createdBy: ADMIN }));
    value(await accept(created.token, admin));
    expect((await listMembers(test.db, projectId)).members).toEqual([expect.objectContaining({ userId: admin.id, role: "admin" })]);
  });
});

describe("revokeInvite", () => {
  it("withdraws an open invite once, recording invite.revoked, and refuses a used or unknown one", async () => {
    const projectId = await newProject(test.db);
    const otherProject = await newProject(test.db);
    const open = await invite(projectId, "eve@example.com", "viewer");
    const used = await invite(projectId);
    value(await accept(used.token, await newUser(test.db)));

    // Another project's admin cannot withdraw it: it is not found there.
    expect(failure(await revokeInvite(test.db, { projectId: otherProject, inviteId: open.id, actor: ADMIN })).code).toBe("not_found");
    value(await revokeInvite(test.db, { projectId, inviteId: open.id, actor: ADMIN }));
    expect(failure(await revokeInvite(test.db, { projectId, inviteId: open.id, actor: ADMIN })).code).toBe("conflict");
    expect(failure(await revokeInvite(test.db, { projectId, inviteId: used.id, actor: ADMIN })).code).toBe("conflict");

    expect((await listMembers(test.db, projectId)).invites).toEqual([]);
    const revoked = await events(projectId, "invite.revoked");
    expect(revoked.map((event) => event.summary)).toEqual([{ inviteId: open.id, email: "eve@example.com", role: "Viewer" }]);
    expect(await events(otherProject)).toEqual([]);
  });

  it("lists pending invites newest first, leaving out expired ones", async () => {
    const projectId = await newProject(test.db);
    const older = value(await createInvite(test.db, { projectId, email: "a@example.com", role: "viewer", createdBy: ADMIN }, new Date(Date.now() - 60_000)));
    const newer = await invite(projectId, "b@example.com");
    value(await createInvite(test.db, { projectId, email: "c@example.com", role: "viewer", createdBy: ADMIN }, new Date(Date.now() - INVITE_LIFETIME_MS - 1)));
    expect((await listMembers(test.db, projectId)).invites.map((entry) => entry.id)).toEqual([newer.id, older.id]);
  });
});
