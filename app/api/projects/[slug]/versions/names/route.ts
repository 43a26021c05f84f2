import { withProject } from "@/app/_entry/with-project";
import { listVersionNames } from "@/lib/versions/list-version-names";

export const dynamic = "force-dynamic";

/** All of the project's version names, newest first: `{ names: string[] }`, for name suggestions. */
export const GET = withProject(async ({ db, project }) => {
  const names = await listVersionNames(db, project.id);
  return Response.json({ names }, { headers: { "Cache-Control": "no-store" } });
});
