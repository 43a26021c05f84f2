import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ApiOperation, PathParams } from "@/lib/api/api-operation";
import { parseApiBody, parseApiQuery } from "@/lib/api/parse-api-input";
import { consumeApiRateLimit } from "@/lib/api/rate-limit";
import { forgetOldIdempotencyKeys, releaseIdempotencyKey, requestFingerprint, reserveIdempotencyKey, storeIdempotentAnswer } from "@/lib/api/idempotency";
import type { ProjectActor } from "@/lib/auth/actor";
import { projectActorFor } from "@/lib/auth/project-actor";
import { actorRefusal } from "@/lib/auth/refusal";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { decodeUtf8, readBodyUpTo } from "@/lib/http/read-utf8-body";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { fail, type DomainError, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { authenticateToken, type TokenIdentity } from "@/lib/tokens/authenticate-token";
import { reportUnexpected } from "./report-unexpected";

/** The largest body an API call may send: a 1 MB file escaped as JSON, with room to spare. */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;

export interface ApiContext<Params, Query, Body> {
  request: Request;
  params: Params;
  db: PrismaClient;
  token: TokenIdentity;
  query: Query;
  body: Body;
}

export interface ProjectApiContext<Params, Query, Body> extends ApiContext<Params, Query, Body> {
  project: ProjectSummary;
  actor: ProjectActor;
}

type Handler<Context> = (context: Context) => Promise<Response | Result<unknown>>;
type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one entry for the API under /api/v1, for calls about one project (`/projects/{slug}/…`).
 * The caller is the owner of the bearer token (cookies are never read here, so a browser's
 * session cannot be ridden cross-site), with their role in the project; the token's project
 * scope is honoured. Then: the token's rate limit (429 with Retry-After), the body's size
 * (413), the query and JSON body parsed by the operation's zod schemas (400 with per-field
 * messages), the role checked for the operation (403) and, for a POST with an
 * Idempotency-Key, an earlier answer replayed instead of doing the change twice. A handler
 * returns a Response or a Result (answered as JSON with the operation's success status).
 */
export function withApi<Path extends `/projects/{slug}${string}`, Query extends z.ZodType, Body extends z.ZodType>(
  operation: ApiOperation<Query, Body, Path>,
  handler: Handler<ProjectApiContext<PathParams<Path>, z.output<Query>, z.output<Body>>>,
) {
  type Params = PathParams<Path> & { slug: string };
  return apiEntry<Params, Query, Body, Path>(operation, async (context) => {
    const project = await getProjectBySlug(context.db, context.params.slug);
    if (!project.ok) return project;
    // A token made for one project knows no other: as for a project that does not exist.
    if (context.token.projectId !== null && context.token.projectId !== project.value.id) {
      return fail("not_found", `There is no project "${excerpt(context.params.slug)}".`);
    }
    const actor = await projectActorFor(context.db, context.token.user, project.value);
    if (!actor.ok) return actor;
    // Anything about a project needs at least to see it.
    const needed = operation.access === "account" || operation.access === "public" ? "read" : operation.access;
    const refused = actorRefusal(actor.value, needed);
    if (refused) return fail("forbidden", refused);
    return handler({ ...context, project: project.value, actor: actor.value });
  });
}

/** The same entry for calls outside any project (listing the caller's projects). */
export function withAccountApi<Path extends string, Query extends z.ZodType, Body extends z.ZodType>(
  operation: ApiOperation<Query, Body, Path>,
  handler: Handler<ApiContext<PathParams<Path>, z.output<Query>, z.output<Body>>>,
) {
  return apiEntry<PathParams<Path>, Query, Body, Path>(operation, handler);
}

function apiEntry<Params, Query extends z.ZodType, Body extends z.ZodType, Path extends string>(
  operation: ApiOperation<Query, Body, Path>,
  handler: Handler<ApiContext<Params, z.output<Query>, z.output<Body>>>,
) {
  return async (request: Request, route: RouteContext<Params>): Promise<Response> => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    let reserved: { db: PrismaClient; tokenId: string; key: string } | null = null;
    try {
      const db = await getDb();
      const token = await authenticateToken(db, request.headers.get("authorization"));
      if (!token.ok) return apiError(token.error, { "WWW-Authenticate": 'Bearer realm="draftline"' });
      const retryAfter = await consumeApiRateLimit(db, token.value.tokenId);
      if (retryAfter !== null) {
        return apiError(
          { code: "too_many_requests", message: `This token made too many calls; wait ${retryAfter} seconds and try again.` },
          { "Retry-After": String(retryAfter) },
        );
      }
      const text = await readBody(request);
      if (!text.ok) return apiError(text.error);
      const query = parseApiQuery(operation.query, new URL(request.url).searchParams);
      if (!query.ok) return apiError(query.error);
      const body = parseApiBody(operation.body, text.value, request.headers.get("content-type"));
      if (!body.ok) return apiError(body.error);

      const key = request.method === "POST" ? request.headers.get("idempotency-key") : null;
      if (key !== null) {
        const fingerprint = requestFingerprint(request.method, new URL(request.url).pathname + new URL(request.url).search, text.value);
        const reservation = await reserveIdempotencyKey(db, token.value.tokenId, key, fingerprint);
        if (!reservation.ok) return apiError(reservation.error);
        if (reservation.value.kind === "replay") {
          const { status, body: stored } = reservation.value.answer;
          return withApiHeaders(new Response(stored, { status, headers: { "content-type": "application/json", "Idempotent-Replayed": "true" } }));
        }
        reserved = { db, tokenId: token.value.tokenId, key };
        if (Math.random() < 0.01) await forgetOldIdempotencyKeys(db);
      }

      const params = await route.params;
      const malformed = malformedId(params);
      if (malformed) return apiError(malformed);
      const outcome = await handler({ request, params, db, token: token.value, query: query.value, body: body.value });
      const response = withApiHeaders(outcome instanceof Response ? outcome : resultAnswer(outcome, operation.success.status));
      if (reserved) {
        await storeIdempotentAnswer(db, reserved.tokenId, reserved.key, { status: response.status, body: await response.clone().text() });
        reserved = null;
      }
      return response;
    } catch (error) {
      unstable_rethrow(error);
      if (reserved) await releaseIdempotencyKey(reserved.db, reserved.tokenId, reserved.key).catch(() => undefined);
      return apiError(reportUnexpected(error, where));
    }
  };
}

/** A path parameter named `…Id` that can be no row's id names nothing: 404 before any query. */
function malformedId(params: unknown): DomainError | null {
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name.endsWith("Id") && !isId(value)) return { code: "not_found", message: `There is no ${name.slice(0, -2)} ${excerpt(String(value))} in this project.` };
  }
  return null;
}

/** A body of at most MAX_API_BODY_BYTES, as UTF-8 text ("" when there is none). */
async function readBody(request: Request): Promise<Result<string>> {
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, value: "" };
  const bytes = await readBodyUpTo(request, MAX_API_BODY_BYTES, `The request body is larger than the ${MAX_API_BODY_BYTES / 1024 / 1024} MB the API accepts.`);
  return bytes.ok ? decodeUtf8(bytes.value) : bytes;
}

function resultAnswer(result: Result<unknown>, status: number): Response {
  return result.ok ? Response.json(result.value, { status }) : errorResponse(result.error);
}

/** Every API answer: never cached, never readable by another site's scripts (no CORS headers at all). */
function withApiHeaders(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

function apiError(error: DomainError, headers: Record<string, string> = {}): Response {
  const response = withApiHeaders(errorResponse(error));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
