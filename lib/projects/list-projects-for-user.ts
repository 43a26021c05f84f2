import { isRole, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";

/** Who asks: a signed-in person (id null only for the single local user before sign-in). */
export interface ProjectViewer {
  id: string | null;
  isOwner: boolean;
}

export interface ProjectListEntry {
  id: string;
  slug: string;
  name: string;
  /** The person's role there; the owner is an admin of every project. */
  role: Role;
}

/** The projects a person belongs to, by name, with their role in each; the owner sees every project. */
export async function listProjectsForUser(db: Db, viewer: ProjectViewer): Promise<ProjectListEntry[]> {
  if (viewer.isOwner) {
    const projects = await db.project.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] });
    return projects.map((project) => ({ ...project, role: "admin" }));
  }
  if (!viewer.id) return [];
  const memberships = await db.projectMember.findMany({
    where: { userId: viewer.id },
    select: { role: true, project: { select: { id: true, slug: true, name: true } } },
    orderBy: [{ project: { name: "asc" } }, { project: { slug: "asc" } }],
  });
  return memberships.flatMap((membership) => (isRole(membership.role) ? [{ ...membership.project, role: membership.role }] : []));
}

/** The owner, and whoever is an admin of some project, may start new projects. */
export async function canCreateProjects(db: Db, viewer: ProjectViewer): Promise<boolean> {
  if (viewer.isOwner) return true;
  if (!viewer.id) return false;
  return (await db.projectMember.count({ where: { userId: viewer.id, role: "admin" } })) > 0;
}
