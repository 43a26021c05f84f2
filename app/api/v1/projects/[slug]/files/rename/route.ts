import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/draft-operations";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";

export const POST = withApi(api.renameDraftPath, ({ db, project, actor, body }) => renameDraftPath(db, { projectId: project.id, ...body, author: actor.name }));
