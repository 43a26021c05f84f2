import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { byteLength, hashContent } from "@/lib/files/hash-content";
import { MAX_FILES_PER_PROJECT, TOO_MANY_FILES } from "@/lib/files/limits";
import { validateContent } from "@/lib/files/validate-content";
import { validatePath } from "@/lib/files/validate-path";
import { fail, ok, type Result } from "@/lib/result";
import type { ProjectSummary } from "./get-project-by-slug";
import { isSlug, SLUG_MESSAGE } from "./schemas";

export interface CreateProjectInput {
  slug: string;
  name: string;
  files: Array<{ path: string; content: string }>;
  environments: readonly string[];
}

/** Creates a project with its first draft files and its environments, all or nothing. */
export async function createProject(db: PrismaClient, input: CreateProjectInput): Promise<Result<ProjectSummary>> {
  if (!isSlug(input.slug)) return fail("invalid", SLUG_MESSAGE);
  const name = input.name.trim();
  if (name === "" || name.length > 100) return fail("invalid", "The project name must be 1 to 100 characters.");
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
  const paths = new Set(files.map((file) => file.path));
  if (paths.size !== files.length) return fail("conflict", "Two files have the same path.");
  for (const path of paths) {
    const segments = path.split("/");
    const folder = segments.slice(0, -1).find((_, index) => paths.has(segments.slice(0, index + 1).join("/")));
    if (folder !== undefined) return fail("conflict", `${path} sits inside a path that is also a file.`);
  }
  const caseClash = findCaseClash(paths);
  if (caseClash) return fail("conflict", caseClash);
  if (await db.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return fail("conflict", `A project "${input.slug}" already exists.`);
  }

  const id = randomUUID();
  const project = await db.$transaction(async (tx) => {
    const created = await tx.project.create({
      data: { id, slug: input.slug, name },
      select: { id: true, slug: true, name: true, namingConvention: true },
    });
    await tx.draftFile.createMany({
      data: files.map((file) => ({
        id: randomUUID(),
        projectId: id,
        path: file.path,
        content: file.content,
        contentHash: hashContent(file.content),
        size: byteLength(file.content),
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
    return created;
  });
  return ok(project);
}

/** Files and folders whose paths differ only in case ("README.md", "readme.md"), which a case-insensitive file system cannot hold apart. */
function findCaseClash(paths: Iterable<string>): string | null {
  const written = new Map<string, string>();
  for (const path of paths) {
    const segments = path.split("/");
    for (let end = 1; end <= segments.length; end++) {
      const name = segments.slice(0, end).join("/");
      const seen = written.get(name.toLowerCase());
      if (seen !== undefined && seen !== name) return `${seen} and ${name} differ only in case.`;
      written.set(name.toLowerCase(), name);
    }
  }
  return null;
}
