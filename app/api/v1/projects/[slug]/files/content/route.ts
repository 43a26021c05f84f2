import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/draft-operations";
import { parseEtag, revisionEtag } from "@/lib/api/etag";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { getDraftFile } from "@/lib/drafts/get-draft-file";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { errorResponse } from "@/lib/http/respond";
import { fail } from "@/lib/result";

/** The file with its revision as the ETag, to send back as If-Match. */
export const GET = withApi(api.readDraftFile, async ({ db, project, query }) => {
  const file = await getDraftFile(db, project.id, query.path);
  if (!file.ok) return file;
  return Response.json(file.value, { headers: { ETag: revisionEtag(file.value.revision) } });
});

/** Writes the file if it still has the revision If-Match names (the editor's autosave, with HTTP's words). */
export const PUT = withApi(api.writeDraftFile, async ({ request, db, project, actor, query, body }) => {
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null) return fail("precondition_required", "Send If-Match with the ETag the file was read with, so a newer change is never overwritten.");
  const baseRevision = parseEtag(ifMatch);
  if (baseRevision === null) return fail("precondition_failed", "If-Match must be the file's ETag, as reading it answered (\"<revision>\").");
  const saved = await saveDraftFile(db, { projectId: project.id, path: query.path, content: body.content, baseRevision, author: actor.name });
  if (saved.ok) return Response.json(saved.value, { headers: { ETag: revisionEtag(saved.value.revision) } });
  if (saved.error.code !== "conflict" || !("current" in saved.error)) return saved;
  const { current } = saved.error;
  return errorResponse({
    code: "precondition_failed",
    message: `${query.path} changed since it was read (it is at revision ${current.revision}${current.updatedBy ? `, by ${current.updatedBy}` : ""}). Read it again and reapply your change.`,
    fields: { revision: String(current.revision) },
  });
});

export const DELETE = withApi(api.deleteDraftPath, ({ db, project, query }) => deleteDraftPath(db, { projectId: project.id, path: query.path }));
