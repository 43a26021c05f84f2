import { reportUnexpected } from "@/app/_entry/report-unexpected";
import { withProject } from "@/app/_entry/with-project";
import { parseActivityFilters } from "@/lib/audit/activity-filters";
import { EXPORT_CONTENT_TYPES, exportFileName, streamActivityExport, type ExportFormat } from "@/lib/audit/export-activity";
import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

const FORMATS: readonly ExportFormat[] = ["csv", "jsonl"];

/**
 * The project's activity as a download, newest first, streamed in keyset batches:
 * `?format=csv|jsonl&person=&kind=&environment=&from=&to=` (the Activity page's filters).
 */
export const GET = withProject("read", async ({ request, db, project }) => {
  const params = new URL(request.url).searchParams;
  const format = FORMATS.find((known) => known === params.get("format"));
  if (!format) return errorResponse({ code: "invalid", message: "`format` must be csv or jsonl." });
  const filters = parseActivityFilters(params);
  if (!filters.ok) return errorResponse(filters.error);
  const body = streamActivityExport(db, {
    projectId: project.id,
    filters: filters.value,
    format,
    onError: (error) => reportUnexpected(error, `the activity export of ${project.slug}`),
  });
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(project.slug, format, new Date())}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
