import { z } from "zod";
import { refuseMalformedPath } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { getDraftFile } from "@/lib/drafts/get-draft-file";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { errorResponse, refuseCrossSite, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { currentAuthor } from "@/lib/session/current-author";

interface Context {
  params: Promise<{ slug: string }>;
}

const saveBody = z.object({ content: z.string(), baseRevision: z.number().int() });

async function target(request: Request, { params }: Context) {
  const path = new URL(request.url).searchParams.get("path");
  if (!path) return { response: errorResponse({ code: "invalid", message: "Name the file with ?path=…" }) };
  const refused = refuseMalformedPath(path);
  if (refused) return { response: refused };
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return { response: errorResponse(project.error) };
  return { db, projectId: project.value.id, path };
}

/** One draft file's text and the revision a later save must name. */
export async function GET(request: Request, context: Context) {
  const found = await target(request, context);
  if ("response" in found) return found.response;
  return resultResponse(await getDraftFile(found.db, found.projectId, found.path));
}

/** Autosave: `{ content, baseRevision }` → `{ revision }`, or 409 with the stored text, its author and time when stale. */
export async function PUT(request: Request, context: Context) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = saveBody.safeParse(await request.json().catch(() => null));
  if (!body.success) return errorResponse({ code: "invalid", message: "Send { content, baseRevision } as JSON." });
  const found = await target(request, context);
  if ("response" in found) return found.response;
  const input = { projectId: found.projectId, path: found.path, author: currentAuthor(), ...body.data };
  return resultResponse(await saveDraftFile(found.db, input));
}
