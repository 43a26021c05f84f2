import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { ProjectActor } from "@/lib/auth/actor";
import { actorRefusal } from "@/lib/auth/refusal";
import type { Operation } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/http/respond";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { fail } from "@/lib/result";
import { reportUnexpected } from "./report-unexpected";
import { resolveProjectActor } from "./resolve-actor";

export interface ProjectRequest<Params> {
  request: Request;
  params: Params;
  db: PrismaClient;
  project: ProjectSummary;
  actor: ProjectActor;
}

/**
 * The one entry for route handlers under /api/projects/[slug]: the project and the acting
 * member resolved once (no session is a 401, an unknown project a 404 JSON error), the
 * member's role checked for `operation` (403 saying who may), and anything the handler throws
 * logged with a reference and answered as a 500 `{ error: { code: "unexpected", message, ref } }`.
 */
export function withProject<Params extends { slug: string }>(
  operation: Operation,
  handler: (context: ProjectRequest<Params>) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const resolved = await params;
      const db = await getDb();
      const access = await resolveProjectActor(db, resolved.slug);
      if (!access.ok) return errorResponse(access.error);
      const { project, actor } = access.value;
      const refused = actorRefusal(actor, operation);
      if (refused) return errorResponse(fail("forbidden", refused).error);
      return await handler({ request, params: resolved, db, project, actor });
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(reportUnexpected(error, `${request.method} ${new URL(request.url).pathname}`));
    }
  };
}
