import { withProject } from "@/app/_entry/with-project";
import { listMembers } from "@/lib/members/list-members";

/** The project's members and its pending invites: every member may see who else is in the project. */
export const GET = withProject("read", async ({ db, project }) => Response.json(await listMembers(db, project.id)));
