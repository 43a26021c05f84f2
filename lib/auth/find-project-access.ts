import type { Db } from "@/lib/db/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { isRole, type Role } from "./roles";
import type { SessionUser } from "./session-user";

/** A project and what one person may do there. */
export interface ProjectAccess {
  project: ProjectSummary;
  /** Their role in the project, or null when they are not a member. The owner is an admin of every project. */
  role: Role | null;
  /** Whether they sign in with a second factor (asked of some roles by `project.requireTwoFactor`). */
  twoFactorEnabled: boolean;
}

/** A session as stored, with its person and what they may do in the project a request names. */
export interface SessionAccess {
  user: SessionUser;
  expiresAt: Date;
  /** Null when no project has the slug. */
  access: ProjectAccess | null;
}

// Every request of a project needs the project, the person's membership and two-factor setting
// (and a route or action the session too), and on the embedded database each statement costs
// more than the join: one query each (the autosave's statements are counted in
// app/api/projects/[slug]/files/content/route.test.ts). The project's columns are a ProjectSummary's.
type AccessRow = ProjectSummary & { role: string | null; twoFactorEnabled: boolean | null };

/** A session's row: its person, and the project's columns (all null when no project has the slug). */
type SessionRow = { [Column in keyof AccessRow]: AccessRow[Column] | null } & {
  expiresAt: Date;
  userId: string;
  userName: string;
  email: string;
  isOwner: boolean | null;
};

function accessOf(row: AccessRow, isOwner: boolean): ProjectAccess {
  const { role, twoFactorEnabled, ...project } = row;
  return { project, role: isOwner ? "admin" : isRole(role) ? role : null, twoFactorEnabled: twoFactorEnabled === true };
}

/** The project `slug` names with the person's membership and two-factor setting, in one query; null when no project has the slug. */
export async function findProjectAccess(db: Db, slug: string, user: { id: string; isOwner: boolean }): Promise<ProjectAccess | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.$queryRaw<AccessRow[]>`
    SELECT p.id, p.slug, p.name, p.naming_convention AS "namingConvention", p.require_two_factor AS "requireTwoFactor",
           m.role, u.two_factor_enabled AS "twoFactorEnabled"
    FROM projects p
    LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = ${user.id}
    LEFT JOIN users u ON u.id = ${user.id}
    WHERE p.slug = ${slug}`;
  return row ? accessOf(row, user.isOwner) : null;
}

/**
 * The session stored under `token` (expired or not: the caller decides), its person, and their
 * access to the project `slug` names, in one query. Null when no session has the token.
 */
export async function findSessionAccess(db: Db, token: string, slug: string): Promise<SessionAccess | null> {
  if (!isSlug(slug)) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s.expires_at AS "expiresAt", u.id AS "userId", u.name AS "userName", u.email, u.is_owner AS "isOwner",
           u.two_factor_enabled AS "twoFactorEnabled",
           p.id, p.slug, p.name, p.naming_convention AS "namingConvention", p.require_two_factor AS "requireTwoFactor", m.role
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN projects p ON p.slug = ${slug}
    LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = u.id
    WHERE s.token = ${token}`;
  if (!row) return null;
  const { expiresAt, userId, userName, email, isOwner, ...access } = row;
  const user = { id: userId, name: userName, email, isOwner: isOwner === true };
  // The project's columns are all null when no project has the slug (its id never is otherwise).
  return { user, expiresAt, access: access.id === null ? null : accessOf(access as AccessRow, user.isOwner) };
}
