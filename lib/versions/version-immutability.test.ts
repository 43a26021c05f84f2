import { describe, expect, it } from "vitest";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { newProject, stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import type { Result } from "@/lib/result";
import { save } from "@/lib/testing/draft-helpers";
import { setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "./restore-version";
import { allVersions, expectVersionsKept } from "./test-fixtures";

// DESIGN.md invariant 1: a version's files never change after it is created, and restoring,
// rolling back or deploying never deletes or alters a version. Each operation that touches
// versions runs in turn; after each one every earlier version is read back whole.

stubTestSecretKey();
const testDb = setupTestDb();

const author = "ada@example.com";

describe("a version never changes", () => {
  it("through deploys, promotions, rollbacks, deployments of the draft and restores", async () => {
    const { db } = testDb;
    const { projectId, environments } = await newProject(db, "immutable");
    value(await createDraftFile(db, { projectId, path: "mappings/customer.json", content: '{ "name": "Zoë" }\r\n' }));
    value(await createDraftFile(db, { projectId, path: "config/deep/app.yaml", content: "retries: 3\n" }));
    const first = await version(db, projectId, "1.0.0");
    await save(db, projectId, "config/deep/app.yaml", "retries: 5\n");
    value(await renameDraftPath(db, { projectId, from: "mappings", to: "maps" }));
    const second = await version(db, projectId, "1.1.0");

    const steps: Array<{ name: string; newVersions: number; run: () => Promise<Result<unknown>> }> = [
      {
        name: "deploy a version",
        newVersions: 0,
        run: () => deployVersion(db, { projectId, environmentId: environments.staging, versionId: first.id, author }),
      },
      {
        name: "promote it",
        newVersions: 0,
        run: () =>
          promoteEnvironment(db, { projectId, fromEnvironmentId: environments.staging, toEnvironmentId: environments.production, author }),
      },
      {
        name: "deploy another version",
        newVersions: 0,
        run: () => deployVersion(db, { projectId, environmentId: environments.production, versionId: second.id, author }),
      },
      {
        name: "roll back",
        newVersions: 0,
        run: () => rollbackEnvironment(db, { projectId, environmentId: environments.production, author }),
      },
      {
        name: "deploy the edited draft",
        newVersions: 1,
        run: async () => {
          await save(db, projectId, "config/deep/app.yaml", "retries: 7\n");
          return deployLatestDraft(db, { projectId, environmentId: environments.development, name: "1.2.0", author });
        },
      },
      {
        name: "restore an older version over unversioned work",
        newVersions: 1,
        run: async () => {
          await save(db, projectId, "workflows/sync.ts", "unversioned work\n");
          return restoreVersion(db, { projectId, versionId: first.id, saveBackup: true, author });
        },
      },
    ];

    let before = await allVersions(db);
    for (const step of steps) {
      value(await step.run());
      const after = await allVersions(db);
      expectVersionsKept(before, after);
      expect(Object.keys(after).length - Object.keys(before).length, step.name).toBe(step.newVersions);
      before = after;
    }
    expect(before[first.id]?.files).toEqual({
      "config/deep/app.yaml": "retries: 3\n",
      "mappings/customer.json": '{ "name": "Zoë" }\r\n',
      "workflows/sync.ts": 'export const project = "immutable";\n',
    });
  });
});
