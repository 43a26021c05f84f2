import { withProject } from "@/app/_entry/with-project";
import { errorResponse } from "@/lib/http/respond";
import { listVersionNames } from "@/lib/versions/list-version-names";
import { versionNameSchema } from "@/lib/versions/schemas";

export const dynamic = "force-dynamic";

/**
 * All of the project's versions as `{ versions: [{ name, origin }] }`, newest first, for name
 * suggestions; `?name=` answers only the version holding that name (ignoring case), so a form
 * can tell the user a name is taken while they type.
 */
export const GET = withProject("read", async ({ request, db, project }) => {
  const named = new URL(request.url).searchParams.get("name");
  const parsedName = named === null ? null : versionNameSchema.safeParse(named);
  if (parsedName && !parsedName.success) {
    return errorResponse({ code: "invalid", message: parsedName.error.issues[0]?.message ?? "The name is not valid." });
  }
  const versions = await listVersionNames(db, project.id, parsedName?.data);
  return Response.json({ versions }, { headers: { "Cache-Control": "no-store" } });
});
