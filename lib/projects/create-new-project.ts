import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withFreeSuffix } from "@/lib/naming/first-free-name";
import { fail, type Result } from "@/lib/result";
import { createProject, SLUG_TAKEN } from "./create-project";
import type { ProjectSummary } from "./get-project-by-slug";
import { projectSlugBase } from "./project-slug";
import { DEFAULT_ENVIRONMENTS, SAMPLE_PROJECT } from "./sample-project";
import { projectNameSchema, type ProjectTemplate } from "./schemas";

export interface CreateNewProjectRequest {
  name: string;
  /** An empty draft, or a copy of the sample integration's files. */
  template: ProjectTemplate;
  creator: Actor;
}

/** Two people naming projects alike at the same moment: the one who loses the slug tries the next. */
const SLUG_ATTEMPTS = 5;

/**
 * A project someone starts from the projects page: its slug derived from the name (`-2`, `-3`…
 * when taken), the default environments, the creator its first admin, and `project.created`
 * recorded, all in one transaction.
 */
export async function createNewProject(db: PrismaClient, request: CreateNewProjectRequest): Promise<Result<ProjectSummary>> {
  const name = projectNameSchema.safeParse(request.name);
  if (!name.success) {
    const message = name.error.issues[0]?.message ?? "Enter a project name.";
    return fail("invalid", message, { name: message });
  }
  const base = projectSlugBase(name.data);
  const files = request.template === "sample" ? SAMPLE_PROJECT.files : [];
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const taken = await db.project.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const slug = withFreeSuffix(base, (candidate) => taken.some((project) => project.slug === candidate));
    const created = await createProject(db, {
      slug,
      name: name.data,
      files,
      environments: DEFAULT_ENVIRONMENTS,
      within: async (tx, project) => {
        if (request.creator.id) await tx.projectMember.create({ data: { projectId: project.id, userId: request.creator.id, role: "admin" } });
        await recordEvent(tx, {
          projectId: project.id,
          actor: request.creator,
          kind: "project.created",
          summary: { projectId: project.id, slug: project.slug, name: project.name, template: request.template },
        });
      },
    });
    if (created.ok || created.error.message !== SLUG_TAKEN(slug)) return created;
  }
  return fail("conflict", "Many projects with this name are being created right now. Try again in a moment.");
}
