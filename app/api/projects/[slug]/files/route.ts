import { withProject } from "@/app/_entry/with-project";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";

/** The draft's file tree (paths, revisions, sizes), without contents. */
export const GET = withProject("read", async ({ db, project }) => Response.json(await listDraftFiles(db, project.id)));
