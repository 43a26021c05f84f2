import { withProject } from "@/app/_entry/with-project";
import { findUnchangedSince } from "@/lib/drafts/find-unchanged-since";

export const dynamic = "force-dynamic";

/** `{ version }`: the newest version when the draft holds exactly its files ("No changes since 1.4.0"), else null. */
export const GET = withProject("read", async ({ db, project }) => {
  const version = await findUnchangedSince(db, project.id);
  return Response.json({ version }, { headers: { "Cache-Control": "no-store" } });
});
