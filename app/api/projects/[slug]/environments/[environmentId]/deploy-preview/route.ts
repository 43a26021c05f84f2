import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import type { DeployPreviewJson, FileChangeJson } from "@/components/environments/wire";
import { getDb } from "@/lib/db/client";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { listEnvironments } from "@/lib/environments/list-environments";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { diffTrees, type TreeRef } from "@/lib/versions/diff-trees";

/**
 * What deploying would change in the environment: `?versionId=` for a version, none for the
 * latest draft. Read-only; the deploy itself re-checks everything.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; environmentId: string }> }) {
  const { slug, environmentId } = await params;
  const versionId = new URL(request.url).searchParams.get("versionId");
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("version", versionId || null);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  const projectId = project.value.id;

  const environments = await listEnvironments(db, projectId);
  if (!environments.ok) return errorResponse(environments.error);
  const environment = environments.value.find((candidate) => candidate.id === environmentId);
  if (!environment) return errorResponse({ code: "not_found", message: "This environment does not exist in this project." });

  const target: TreeRef = versionId ? { kind: "version", versionId } : { kind: "draft" };
  const active = environment.activeVersion;
  // With nothing deployed yet, every file of the target is new there.
  const diff = await diffTrees(db, projectId, active ? { kind: "version", versionId: active.id } : target, target);
  if (!diff.ok) return errorResponse(diff.error);
  const changes: FileChangeJson[] = diff.value.flatMap(({ path, status }) => {
    if (!active) return [{ path, status: "added" as const }];
    return status === "unchanged" ? [] : [{ path, status }];
  });

  let draftMatches = null;
  if (target.kind === "draft") {
    const status = await getDraftStatus(db, projectId);
    if (status.ok && status.value.base && !status.value.changed) draftMatches = status.value.base;
  }
  const preview: DeployPreviewJson = {
    environment: { id: environment.id, name: environment.name, activeVersion: active },
    changes,
    draftMatches,
  };
  return Response.json(preview, { headers: { "Cache-Control": "no-store" } });
}
