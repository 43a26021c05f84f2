import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { listVersionNames } from "@/lib/versions/list-version-names";
import { versionNameSchema } from "@/lib/versions/schemas";

export const dynamic = "force-dynamic";

/**
 * All of the project's versions as `{ versions: [{ name, origin }] }`, newest first, for name
 * suggestions; `?name=` answers only the version holding that name (ignoring case), so a form
 * can tell the user a name is taken while they type.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const named = new URL(request.url).searchParams.get("name");
  const parsedName = named === null ? null : versionNameSchema.safeParse(named);
  if (parsedName && !parsedName.success) {
    return errorResponse({ code: "invalid", message: parsedName.error.issues[0]?.message ?? "The name is not valid." });
  }
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  const versions = await listVersionNames(db, project.value.id, parsedName?.data);
  return Response.json({ versions }, { headers: { "Cache-Control": "no-store" } });
}
