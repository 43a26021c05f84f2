import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { ok } from "@/lib/result";
import { createVersion } from "@/lib/versions/create-version";
import { listVersions } from "@/lib/versions/list-versions";
import { toVersionJson, toVersionPageJson } from "@/lib/versions/version-json";

export const GET = withApi(api.listVersions, async ({ db, project, query }) => ok(toVersionPageJson(await listVersions(db, { projectId: project.id, ...query }))));

export const POST = withApi(api.createVersion, async ({ db, project, actor, body }) => {
  const created = await createVersion(db, { projectId: project.id, ...body, origin: "manual", author: actor.name, authorId: actor.id });
  return created.ok ? ok(toVersionJson(created.value)) : created;
});
