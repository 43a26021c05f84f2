import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { hasUnversionedWork } from "@/lib/drafts/has-unversioned-work";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { diffTrees } from "@/lib/versions/diff-trees";

export const dynamic = "force-dynamic";

export interface RestorePreviewJson {
  /** What restoring does to the draft, file by file; unchanged files are left out. */
  changes: Array<{ path: string; status: "added" | "modified" | "removed" }>;
  /** The draft holds work no version captures, so restoring should keep a backup first. */
  hasUnversionedWork: boolean;
}

/** GET …/versions/:versionId/restore-preview → what "Restore as draft" would change. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; versionId: string }> }) {
  const { slug, versionId } = await params;
  const refused = refuseMalformedId("version", versionId);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  const projectId = project.value.id;
  const [changes, unversioned] = await Promise.all([
    diffTrees(db, projectId, { kind: "draft" }, { kind: "version", versionId }),
    hasUnversionedWork(db, projectId),
  ]);
  if (!changes.ok) return errorResponse(changes.error);
  const body: RestorePreviewJson = {
    changes: changes.value.flatMap(({ path, status }) => (status === "unchanged" ? [] : [{ path, status }])),
    hasUnversionedWork: unversioned,
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
