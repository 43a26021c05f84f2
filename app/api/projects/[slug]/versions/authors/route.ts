import { withProject } from "@/app/_entry/with-project";
import { listVersionAuthors } from "@/lib/versions/list-version-authors";

export const dynamic = "force-dynamic";

/** Everyone who has created a version of the project, alphabetically: `{ authors: string[] }`, for the author filter. */
export const GET = withProject("read", async ({ db, project }) => {
  const authors = await listVersionAuthors(db, project.id);
  return Response.json({ authors }, { headers: { "Cache-Control": "no-store" } });
});
