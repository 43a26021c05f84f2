import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ProjectActor } from "@/lib/auth/actor";
import { actorRefusal } from "@/lib/auth/refusal";
import type { Operation } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { fail, type Result } from "@/lib/result";
import { parseActionInput } from "./parse-action-input";
import { reportUnexpected } from "./report-unexpected";
import { resolveProjectActor } from "./resolve-actor";

export interface ProjectContext {
  db: PrismaClient;
  project: ProjectSummary;
  /** Who is acting and their role here: recorded on what the action makes and in the activity log. */
  actor: ProjectActor;
}

/**
 * The one entry for a project's server actions: `(slug, input)` as the browser sent them
 * (typed for the call sites, checked as unknown), the project and the acting member resolved
 * once, the member's role checked for `operation` (finer rules, such as a protected
 * environment, stay in lib), the input parsed by `schema`, and `run` given all of it. Expected
 * failures keep their codes; anything thrown is logged with a reference and answered as `unexpected`.
 */
export function projectAction<Schema extends z.ZodType, T>(
  operation: Operation,
  schema: Schema,
  run: (context: ProjectContext, input: z.output<Schema>) => Promise<Result<T>>,
): (slug: string, input: z.input<Schema>) => Promise<Result<T>> {
  return async (slug: unknown, input: unknown) => {
    try {
      if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
      const db = await getDb();
      const access = await resolveProjectActor(db, slug);
      if (!access.ok) return access;
      const refused = actorRefusal(access.value.actor, operation);
      if (refused) return fail("forbidden", refused);
      const parsed = parseActionInput(schema, input);
      if (!parsed.ok) return parsed;
      return await run({ db, ...access.value }, parsed.value);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: reportUnexpected(error, "a server action") };
    }
  };
}
