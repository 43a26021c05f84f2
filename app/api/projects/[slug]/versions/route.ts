import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { errorResponse } from "@/lib/http/respond";
import { listVersions, MAX_VERSION_PAGE_SIZE } from "@/lib/versions/list-versions";
import { findVersionHealth } from "@/lib/executions/find-version-health";
import { toVersionPageJson, type VersionHistoryPageJson } from "@/lib/versions/version-json";
import { VERSION_ORIGINS } from "@/lib/versions/version-summary";

export const dynamic = "force-dynamic";

/** An absent or empty query parameter means "not given". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null || value === "" ? undefined : value), schema.optional());

const BEFORE_MESSAGE = "`before` must be a version number.";
const LIMIT_MESSAGE = `\`limit\` must be a whole number from 1 to ${MAX_VERSION_PAGE_SIZE}.`;
const ORIGIN_MESSAGE = `\`origin\` must be one of ${VERSION_ORIGINS.join(", ")}.`;

const text = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is at most ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), `${label} contains an invalid character.`);

const querySchema = z.object({
  search: z
    .string()
    .max(200, "Search for at most 200 characters.")
    .refine((search) => !search.includes("\u0000"), "The search contains an invalid character.")
    .optional(),
  before: optionalParam(z.coerce.number({ error: BEFORE_MESSAGE }).int(BEFORE_MESSAGE).positive(BEFORE_MESSAGE)),
  limit: optionalParam(z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_VERSION_PAGE_SIZE, LIMIT_MESSAGE)),
  environment: optionalParam(text("`environment`", 100)),
  origin: optionalParam(z.enum(VERSION_ORIGINS, { error: ORIGIN_MESSAGE })),
  author: optionalParam(text("`author`", 200)),
});

/**
 * One page of a project's versions, newest first:
 * `?search=&environment=<name>&origin=manual|deployment|backup&author=&before=<number>&limit=`,
 * with each listed version's success rate per environment where it ran.
 */
export const GET = withProject("read", async ({ request, db, project }) => {
  const query = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({
    search: query.get("search") ?? undefined,
    before: query.get("before"),
    limit: query.get("limit"),
    environment: query.get("environment"),
    origin: query.get("origin"),
    author: query.get("author"),
  });
  if (!parsed.success) {
    return errorResponse({ code: "invalid", message: parsed.error.issues[0]?.message ?? "The query is not valid." });
  }
  const page = await listVersions(db, { projectId: project.id, ...parsed.data });
  const health = await findVersionHealth(db, { projectId: project.id, versionIds: page.items.map((version) => version.id) });
  const body: VersionHistoryPageJson = { ...toVersionPageJson(page), health };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
