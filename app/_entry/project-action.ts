import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { fail, type Result } from "@/lib/result";
import { currentAuthor } from "@/lib/session/current-author";
import { fieldErrors } from "@/lib/validation";
import { reportUnexpected } from "./report-unexpected";

export interface ProjectContext {
  db: PrismaClient;
  project: ProjectSummary;
  /** Who is acting, recorded on the versions and deployments the action makes. */
  author: string;
}

const NOT_UNDERSTOOD = "The request was not understood; reload the page and try again.";

/**
 * The one entry for a project's server actions: `(slug, input)` as the browser sent them
 * (typed for the call sites, checked as unknown), the input parsed by `schema`, the project
 * resolved once, and `run` given both. Expected failures keep their codes; anything thrown is
 * logged with a reference and answered as `unexpected`.
 */
export function projectAction<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (context: ProjectContext, input: z.output<Schema>) => Promise<Result<T>>,
): (slug: string, input: z.input<Schema>) => Promise<Result<T>> {
  return async (slug: unknown, input: unknown) => {
    try {
      if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        // Input of the wrong type as a whole (not an object at all) is a broken client, not a form to correct.
        const [first] = parsed.error.issues;
        const message = !first || (first.path.length === 0 && first.code === "invalid_type") ? NOT_UNDERSTOOD : first.message;
        const fields = fieldErrors(parsed.error);
        return fail("invalid", message, Object.keys(fields).length > 0 ? fields : undefined);
      }
      const db = await getDb();
      const project = await getProjectBySlug(db, slug);
      if (!project.ok) return project;
      return await run({ db, project: project.value, author: currentAuthor() }, parsed.data);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: reportUnexpected(error, "a server action") };
    }
  };
}
