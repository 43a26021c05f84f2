import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { errorResponse } from "@/lib/http/respond";
import { listVersions, MAX_VERSION_PAGE_SIZE } from "@/lib/versions/list-versions";
import { toVersionPageJson } from "@/lib/versions/version-json";

export const dynamic = "force-dynamic";

/** An absent or empty query parameter means "not given". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null || value === "" ? undefined : value), schema.optional());

const BEFORE_MESSAGE = "`before` must be a version number.";
const LIMIT_MESSAGE = `\`limit\` must be a whole number from 1 to ${MAX_VERSION_PAGE_SIZE}.`;

const querySchema = z.object({
  search: z
    .string()
    .max(200, "Search for at most 200 characters.")
    .refine((search) => !search.includes("\u0000"), "The search contains an invalid character.")
    .optional(),
  before: optionalParam(z.coerce.number({ error: BEFORE_MESSAGE }).int(BEFORE_MESSAGE).positive(BEFORE_MESSAGE)),
  limit: optionalParam(z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_VERSION_PAGE_SIZE, LIMIT_MESSAGE)),
});

/** One page of a project's versions, newest first: `?search=&before=<number>&limit=`. */
export const GET = withProject(async ({ request, db, project }) => {
  const query = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({
    search: query.get("search") ?? undefined,
    before: query.get("before"),
    limit: query.get("limit"),
  });
  if (!parsed.success) {
    return errorResponse({ code: "invalid", message: parsed.error.issues[0]?.message ?? "The query is not valid." });
  }
  const page = await listVersions(db, { projectId: project.id, ...parsed.data });
  return Response.json(toVersionPageJson(page), { headers: { "Cache-Control": "no-store" } });
});
