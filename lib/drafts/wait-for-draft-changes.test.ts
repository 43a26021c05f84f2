import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import { newProject, failure, value } from "@/lib/testing/harness";
import { revisionOf, save } from "@/lib/testing/draft-helpers";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { DraftChangeFeed } from "./draft-change-feed";
import { listDraftChanges } from "./list-draft-changes";
import { DRAFT_CHANGES_CHANNEL } from "./notify-draft-change";
import { renameDraftPath } from "./rename-draft-path";
import { saveDraftFile } from "./save-draft-file";
import { MAX_WAIT_SECONDS, waitForDraftChanges } from "./wait-for-draft-changes";

/**
 * The long poll against a real database: the writes' own notifications (through the server
 * and a dedicated listening connection on PostgreSQL, in-process on PGlite) end the wait.
 * Each test that waits allows itself less time than the wait, so an answer given by the
 * timeout instead of a notification fails it.
 */
let testDb: Awaited<ReturnType<typeof createTestDb>>;
const feed = new DraftChangeFeed();
const heard: string[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  await testDb.listen(DRAFT_CHANGES_CHANNEL, {
    onNotify: (projectId) => {
      heard.push(projectId);
      feed.publish(projectId);
    },
    onResync: () => feed.publishAll(),
  });
});
afterAll(() => testDb?.close());

const BEFORE_THE_WAIT_ENDS = (MAX_WAIT_SECONDS - 5) * 1000;

/** Starts a long poll from the draft's current state and resolves when it is answered. */
async function waitFrom(projectId: string, signal?: AbortSignal) {
  const current = value(await listDraftChanges(testDb.prisma, projectId, 0));
  const answer = waitForDraftChanges(testDb.prisma, feed, { projectId, since: current.revision, seen: current.stamp, waitSeconds: MAX_WAIT_SECONDS, signal });
  await vi.waitFor(() => expect(feed.waiting).toBe(1));
  return { before: current, answer };
}

describe("waitForDraftChanges", () => {
  it("answers at once when files were written since the revision, or the draft differs from what was seen", async () => {
    const db = testDb.prisma;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const start = value(await listDraftChanges(db, projectId, 0));
    await save(db, projectId, "a.ts", "a changed");
    const written = value(await waitForDraftChanges(db, feed, { projectId, since: start.revision, seen: start.stamp, waitSeconds: MAX_WAIT_SECONDS }));
    expect(written.files?.map((file) => file.path)).toEqual(["a.ts"]);

    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    const deleted = value(await waitForDraftChanges(db, feed, { projectId, since: written.revision, seen: written.stamp, waitSeconds: MAX_WAIT_SECONDS }));
    expect(deleted.files).toEqual([]);
    expect(deleted.fileCount).toBe(1);
    expect(feed.subscribers).toBe(0);
  }, BEFORE_THE_WAIT_ENDS);

  it("is woken by each kind of draft write, and only after it commits", async () => {
    const db = testDb.prisma;
    const projectId = await newProject(db, { "a.ts": "a" });
    const v1 = await version(db, projectId, "1.0.0");
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["save", () => save(db, projectId, "a.ts", "saved")],
      ["create", async () => value(await createDraftFile(db, { projectId, path: "b.ts", content: "b" }))],
      ["rename", async () => value(await renameDraftPath(db, { projectId, from: "b.ts", to: "c.ts" }))],
      ["delete", async () => value(await deleteDraftPath(db, { projectId, path: "c.ts" }))],
      ["version", () => version(db, projectId, "1.1.0")],
      ["restore", async () => value(await restoreVersion(db, { projectId, versionId: v1.id, saveBackup: false, author: "Ada" }))],
    ];
    for (const [kind, write] of writes) {
      const { before, answer } = await waitFrom(projectId);
      await write();
      const after = value(await answer);
      expect(after.stamp, kind).not.toBe(before.stamp);
      expect(feed.subscribers, kind).toBe(0);
    }
  }, BEFORE_THE_WAIT_ENDS);

  it("hears nothing of a write that was refused and rolled back", async () => {
    const db = testDb.prisma;
    const projectId = await newProject(db, { "a.ts": "a" });
    heard.length = 0;
    expect(failure(await createDraftFile(db, { projectId, path: "a.ts", content: "again" })).code).toBe("conflict");
    expect(failure(await renameDraftPath(db, { projectId, from: "missing.ts", to: "b.ts" })).code).toBe("not_found");
    const stale = await revisionOf(db, projectId, "a.ts");
    await save(db, projectId, "a.ts", "first");
    // Notifications arrive in commit order: once the save's is heard, a refused write's would have been.
    await vi.waitFor(() => expect(heard).toContain(projectId));
    expect(failure(await deleteDraftPath(db, { projectId, path: "missing.ts" })).code).toBe("not_found");
    expect(failure(await createDraftFile(db, { projectId, path: "a.ts" })).code).toBe("conflict");
    const saved = await saveDraftFile(db, { projectId, path: "a.ts", content: "stale", baseRevision: stale });
    expect(failure(saved).code).toBe("conflict");
    await save(db, projectId, "a.ts", "second");
    await vi.waitFor(() => expect(heard.filter((id) => id === projectId)).toHaveLength(2));
    expect(heard).toEqual([projectId, projectId]);
  });

  it("stops waiting when the request is aborted, leaving no waiter behind", async () => {
    const projectId = await newProject(testDb.prisma, { "a.ts": "a" });
    const controller = new AbortController();
    const { before, answer } = await waitFrom(projectId, controller.signal);
    controller.abort();
    expect(value(await answer).stamp).toBe(before.stamp);
    expect(feed.subscribers).toBe(0);
  }, BEFORE_THE_WAIT_ENDS);

  it("refuses a wait that is not a whole number of seconds up to the limit", async () => {
    const projectId = await newProject(testDb.prisma, {});
    for (const waitSeconds of [-1, 1.5, Number.NaN, MAX_WAIT_SECONDS + 1]) {
      expect(failure(await waitForDraftChanges(testDb.prisma, feed, { projectId, since: 0, waitSeconds })).code).toBe("invalid");
    }
    expect(feed.subscribers).toBe(0);
  });
});
