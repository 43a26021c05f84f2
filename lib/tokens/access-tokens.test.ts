import { describe, expect, it } from "vitest";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { newMember, newUser } from "@/lib/testing/people";
import { authenticateToken } from "./authenticate-token";
import { createAccessToken } from "./create-access-token";
import { listAccessTokens } from "./list-access-tokens";
import { revokeAccessToken } from "./revoke-access-token";
import { hashToken } from "./token-secret";

const test = setupTestDb();
const DAY = 24 * 60 * 60 * 1000;

async function person(projectId?: string) {
  const user = projectId ? await newMember(test.db, projectId, "builder") : await newUser(test.db);
  return { ...user, isOwner: false };
}

describe("personal access tokens", () => {
  it("shows the token once, stores only its SHA-256, and records the creation", async () => {
    const projectId = await newProject(test.db);
    const ada = await person(projectId);
    const created = value(await createAccessToken(test.db, ada, { name: "CI deploys", projectId, expiresInDays: 30 }));
    expect(created.token).toMatch(/^dl_[A-Za-z0-9_-]{43}$/);
    const row = await test.db.accessToken.findUniqueOrThrow({ where: { id: created.accessToken.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(JSON.stringify(await listAccessTokens(test.db, ada.id))).not.toContain(created.token);
    expect(created.accessToken.hint).toBe(`${created.token.slice(0, 7)}…`);
    expect(new Date(created.accessToken.expiresAt).getTime() - row.createdAt.getTime()).toBe(30 * DAY);
    const events = await test.db.auditEvent.findMany({ where: { projectId, kind: "token.created" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.summary)).not.toContain(created.token);
  });

  it("refuses a project the person is not a member of", async () => {
    const projectId = await newProject(test.db);
    const stranger = await person();
    expect(failure(await createAccessToken(test.db, stranger, { name: "x", projectId, expiresInDays: 7 })).code).toBe("not_found");
    expect(await test.db.accessToken.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("authenticates a valid token as its owner with its scope, and not an expired, revoked or unknown one", async () => {
    const ada = await person();
    const { token, accessToken } = value(await createAccessToken(test.db, ada, { name: "all", projectId: null, expiresInDays: 7 }));
    const identity = value(await authenticateToken(test.db, `Bearer ${token}`));
    expect(identity).toMatchObject({ tokenId: accessToken.id, projectId: null, user: { id: ada.id, isOwner: false } });
    expect((await test.db.accessToken.findUniqueOrThrow({ where: { id: accessToken.id } })).lastUsedAt).not.toBeNull();

    expect(failure(await authenticateToken(test.db, null)).code).toBe("unauthenticated");
    expect(failure(await authenticateToken(test.db, `Basic ${token}`)).code).toBe("unauthenticated");
    expect(failure(await authenticateToken(test.db, `Bearer ${token}x`)).code).toBe("unauthenticated");
    expect(failure(await authenticateToken(test.db, `Bearer ${token}`, new Date(Date.now() + 8 * DAY))).code).toBe("unauthenticated");

    value(await revokeAccessToken(test.db, ada, accessToken.id));
    expect(failure(await authenticateToken(test.db, `Bearer ${token}`)).code).toBe("unauthenticated");
    expect(await test.db.auditEvent.count({ where: { kind: "token.revoked", actorId: ada.id } })).toBe(1);
    // Revoking again changes nothing and records nothing.
    value(await revokeAccessToken(test.db, ada, accessToken.id));
    expect(await test.db.auditEvent.count({ where: { kind: "token.revoked", actorId: ada.id } })).toBe(1);
  });

  it("does not let someone revoke another person's token", async () => {
    const ada = await person();
    const eve = await person();
    const { token, accessToken } = value(await createAccessToken(test.db, ada, { name: "mine", projectId: null, expiresInDays: 7 }));
    expect(failure(await revokeAccessToken(test.db, eve, accessToken.id)).code).toBe("not_found");
    expect(value(await authenticateToken(test.db, `Bearer ${token}`)).user.id).toBe(ada.id);
  });
});
