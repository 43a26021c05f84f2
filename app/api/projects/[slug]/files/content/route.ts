import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { getDraftFile } from "@/lib/drafts/get-draft-file";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { validatePath } from "@/lib/files/validate-path";
import { readUtf8Body } from "@/lib/http/read-utf8-body";
import { errorResponse, refuseCrossSite, resultResponse } from "@/lib/http/respond";
import { fail, ok, type Result } from "@/lib/result";

const saveBody = z.object({ content: z.string(), baseRevision: z.number().int() });

/** The `?path=` a request names, if it can be a file's. */
function pathOf(request: Request): Result<string> {
  const path = new URL(request.url).searchParams.get("path");
  if (!path) return fail("invalid", "Name the file with ?path=…");
  const checked = validatePath(path);
  return checked.ok ? ok(path) : checked;
}

/** One draft file's text and the revision a later save must name. */
export const GET = withProject("read", async ({ request, db, project }) => {
  const path = pathOf(request);
  if (!path.ok) return errorResponse(path.error);
  return resultResponse(await getDraftFile(db, project.id, path.value));
});

/** Autosave: `{ content, baseRevision }` → `{ revision }`, or 409 with the stored text, its author and time when stale. */
export const PUT = withProject("edit", async ({ request, db, project, actor }) => {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const text = await readUtf8Body(request);
  if (!text.ok) return errorResponse(text.error);
  const body = saveBody.safeParse(parseJson(text.value));
  if (!body.success) return errorResponse({ code: "invalid", message: "Send { content, baseRevision } as JSON." });
  const path = pathOf(request);
  if (!path.ok) return errorResponse(path.error);
  return resultResponse(await saveDraftFile(db, { projectId: project.id, path: path.value, author: actor.name, ...body.data }));
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
