import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { reportUnexpected } from "./report-unexpected";

export interface ProjectRequest<Params> {
  request: Request;
  params: Params;
  db: PrismaClient;
  project: ProjectSummary;
}

/**
 * The one entry for route handlers under /api/projects/[slug]: the project resolved once (an
 * unknown one is a 404 JSON error), and anything the handler throws logged with a reference
 * and answered as a 500 `{ error: { code: "unexpected", message, ref } }`.
 */
export function withProject<Params extends { slug: string }>(handler: (context: ProjectRequest<Params>) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const resolved = await params;
      const db = await getDb();
      const project = await getProjectBySlug(db, resolved.slug);
      if (!project.ok) return errorResponse(project.error);
      return await handler({ request, params: resolved, db, project: project.value });
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(reportUnexpected(error, `${request.method} ${new URL(request.url).pathname}`));
    }
  };
}
