import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/draft-operations";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";
import { ok } from "@/lib/result";

export const GET = withApi(api.listDraftFiles, async ({ db, project }) => ok({ files: await listDraftFiles(db, project.id) }));

export const POST = withApi(api.createDraftFile, ({ db, project, actor, body }) => createDraftFile(db, { projectId: project.id, ...body, author: actor.name }));
