import { withAccountApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/draft-operations";
import { listProjectsForUser } from "@/lib/projects/list-projects-for-user";

export const GET = withAccountApi(api.listProjects, async ({ db, token }) => {
  const projects = await listProjectsForUser(db, token.user);
  return { ok: true, value: { projects: projects.filter((project) => token.projectId === null || project.id === token.projectId) } };
});
