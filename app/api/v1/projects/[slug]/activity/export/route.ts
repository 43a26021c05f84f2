import { reportUnexpected } from "@/app/_entry/report-unexpected";
import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { parseActivityFilters } from "@/lib/audit/activity-filters";
import { EXPORT_CONTENT_TYPES, exportFileName, streamActivityExport } from "@/lib/audit/export-activity";

/** The Activity page's export, streamed: `?format=csv|jsonl` and its filters. */
export const GET = withApi(api.exportActivity, async ({ request, db, project, query }) => {
  const filters = parseActivityFilters(new URL(request.url).searchParams);
  if (!filters.ok) return filters;
  const body = streamActivityExport(db, {
    projectId: project.id,
    filters: filters.value,
    format: query.format,
    onError: (error) => reportUnexpected(error, `the API's activity export of ${project.slug}`),
  });
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[query.format],
      "Content-Disposition": `attachment; filename="${exportFileName(project.slug, query.format, new Date())}"`,
    },
  });
});
