import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { ok } from "@/lib/result";

/** Deploys a version, or the latest draft as a new version, through the same operations as the Deploy dialog. */
export const POST = withApi(api.deploy, async ({ db, project, actor, params, body }) => {
  const { versionId, latestDraft, ...options } = body;
  const who = { projectId: project.id, environmentId: params.environmentId, author: actor.name, authorId: actor.id, role: actor.role, ...options };
  const deployed = versionId !== undefined ? await deployVersion(db, { ...who, versionId }) : await deployLatestDraft(db, { ...who, ...latestDraft! });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
