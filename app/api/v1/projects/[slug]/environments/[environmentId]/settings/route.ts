import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { listEnvironmentSettings } from "@/lib/environments/list-environment-settings";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { ok } from "@/lib/result";

/** Secrets come back masked, as in the UI. */
export const GET = withApi(api.listSettings, async ({ db, project, params }) => {
  const settings = await listEnvironmentSettings(db, { projectId: project.id, environmentId: params.environmentId });
  return settings.ok ? ok({ settings: settings.value }) : settings;
});

export const POST = withApi(api.setSetting, ({ db, project, actor, params, body }) =>
  setEnvironmentSetting(db, { projectId: project.id, environmentId: params.environmentId, actor: { id: actor.id, name: actor.name }, role: actor.role, ...body }),
);

export const DELETE = withApi(api.deleteSetting, ({ db, project, actor, params, query }) =>
  deleteEnvironmentSetting(db, { projectId: project.id, environmentId: params.environmentId, key: query.key, actor: { id: actor.id, name: actor.name }, role: actor.role }),
);
