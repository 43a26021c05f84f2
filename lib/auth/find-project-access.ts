import type { Db } from "@/lib/db/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { isRole, type Role } from "./roles";

/** A project and what one person may do there. */
export interface ProjectAccess {
  project: ProjectSummary;
  /** Their role in the project, or null when they are not a member. The owner is an admin of every project. */
  role: Role | null;
  /** Whether they sign in with a second factor (asked of some roles by `project.requireTwoFactor`). */
  twoFactorEnabled: boolean;
}

/**
 * The project `slug` names with the person's membership and two-factor setting, in one query:
 * every request of a project needs all three, and on the embedded database each statement
 * costs more than the join (see the autosave's statement count in
 * app/api/projects/[slug]/files/content/route.test.ts). Null when no project has the slug.
 */
export async function findProjectAccess(db: Db, slug: string, user: { id: string; isOwner: boolean }): Promise<ProjectAccess | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.$queryRaw<Array<ProjectSummary & { role: string | null; twoFactorEnabled: boolean | null }>>`
    SELECT p.id, p.slug, p.name, p.naming_convention AS "namingConvention", p.require_two_factor AS "requireTwoFactor",
           m.role, u.two_factor_enabled AS "twoFactorEnabled"
    FROM projects p
    LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = ${user.id}
    LEFT JOIN users u ON u.id = ${user.id}
    WHERE p.slug = ${slug}`;
  if (!row) return null;
  const { role, twoFactorEnabled, ...project } = row;
  return {
    project,
    role: user.isOwner ? "admin" : isRole(role) ? role : null,
    twoFactorEnabled: twoFactorEnabled === true,
  };
}
