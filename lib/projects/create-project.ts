import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { findCollisionAmong } from "@/lib/drafts/path-collision";
import { byteLength, hashContent } from "@/lib/files/hash-content";
import { MAX_FILES_PER_PROJECT, TOO_MANY_FILES } from "@/lib/files/limits";
import { validateContent } from "@/lib/files/validate-content";
import { validatePath } from "@/lib/files/validate-path";
import { fail, ok, type Result } from "@/lib/result";
import { PROJECT_SUMMARY_SELECT, type ProjectSummary } from "./get-project-by-slug";
import { isSlug, projectNameSchema, SLUG_MESSAGE } from "./schemas";

export interface CreateProjectInput {
  slug: string;
  name: string;
  files: Array<{ path: string; content: string }>;
  environments: readonly string[];
  /** More of the same transaction, after the project's rows: its first member, its audit event. */
  within?: (tx: Prisma.TransactionClient, project: ProjectSummary) => Promise<void>;
}

export const SLUG_TAKEN = (slug: string) => `A project "${slug}" already exists.`;

/** Creates a project with its first draft files and its environments, all or nothing. */
export async function createProject(db: PrismaClient, input: CreateProjectInput): Promise<Result<ProjectSummary>> {
  if (!isSlug(input.slug)) return fail("invalid", SLUG_MESSAGE);
  const name = projectNameSchema.safeParse(input.name);
  if (!name.success) return fail("invalid", name.error.issues[0]?.message ?? "Enter a project name.");
  if (input.files.length > MAX_FILES_PER_PROJECT) {
    return fail("too_large", TOO_MANY_FILES);
  }
  const files: Array<{ path: string; content: string }> = [];
  for (const file of input.files) {
    const path = validatePath(file.path);
    if (!path.ok) return path;
    const content = validateContent(file.content);
    if (!content.ok) return content;
    files.push({ path: path.value, content: content.value });
  }
  const collision = findCollisionAmong(files.map((file) => file.path));
  if (collision) return fail("conflict", collision);
  if (await db.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return fail("conflict", SLUG_TAKEN(input.slug));
  }

  const id = randomUUID();
  const project = await db
    .$transaction(async (tx) => {
      const created = await tx.project.create({
        data: { id, slug: input.slug, name: name.data },
        select: PROJECT_SUMMARY_SELECT,
      });
      // Not marked as changed: a new project has no base version, and its first version reads
      // the whole draft whatever the marks say. Only files saved before it need their mark
      // cleared then, not every file the project started with.
      await tx.draftFile.createMany({
        data: files.map((file) => ({
          id: randomUUID(),
          projectId: id,
          path: file.path,
          content: file.content,
          contentHash: hashContent(file.content),
          size: byteLength(file.content),
          changedSinceBase: false,
        })),
      });
      await tx.environment.createMany({
        data: input.environments.map((environment, position) => ({
          id: randomUUID(),
          projectId: id,
          name: environment,
          position,
        })),
      });
      await input.within?.(tx, created);
      return created;
    })
    // Created by someone else between the check above and the insert.
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
      throw error;
    });
  return project ? ok(project) : fail("conflict", SLUG_TAKEN(input.slug));
}
