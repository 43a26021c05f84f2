import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { ok } from "@/lib/result";
import { restoreVersion } from "@/lib/versions/restore-version";
import { toRestoreOutcomeJson } from "@/lib/versions/version-json";

export const POST = withApi(api.restoreVersion, async ({ db, project, actor, params, body }) => {
  const versionId = params.versionId;
  const outcome = await restoreVersion(db, { projectId: project.id, versionId, saveBackup: body.saveBackup, author: actor.name, authorId: actor.id });
  return outcome.ok ? ok(toRestoreOutcomeJson(outcome.value)) : outcome;
});
