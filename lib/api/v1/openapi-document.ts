import { z } from "zod";
import type { ApiOperation } from "@/lib/api/api-operation";
import { API_OPERATIONS } from "./operations";

type JsonSchema = Record<string, unknown>;

/** The one error body of every failure. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "precondition_failed", "precondition_required", "too_large", "too_many_requests", "unexpected"]),
    message: z.string().describe("For people: what went wrong and what to do."),
    fields: z.record(z.string(), z.string()).optional().describe("A message per field of the request that is not valid."),
    ref: z.string().optional().describe("On `unexpected` only: the reference the server logged the failure under."),
  }),
});

const COMMON_ERRORS: Record<string, string> = {
  "400": "The request is not valid (`invalid`, with `fields`).",
  "401": "No token, or an unknown, expired or revoked one (`unauthenticated`).",
  "403": "Your role in the project does not allow this (`forbidden`).",
  "404": "No such project (or not one the token may reach), or no such item in it (`not_found`).",
  "413": "The request body is larger than the API accepts (`too_large`).",
  "429": "This token made too many calls; wait as long as `Retry-After` says (`too_many_requests`).",
};

function jsonSchema(schema: z.ZodType): JsonSchema {
  const converted = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  // OpenAPI 3.1's own dialect is JSON Schema 2020-12, which zod writes: the marker is redundant.
  delete converted.$schema;
  return converted;
}

function parameters(operation: ApiOperation): JsonSchema[] {
  const path = [...operation.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const query: JsonSchema[] = [];
  if (operation.query) {
    const schema = jsonSchema(operation.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      query.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
    }
  }
  const headers = (operation.headers ?? []).map((header) => ({ name: header.name, in: "header", required: header.required ?? false, description: header.description, schema: { type: "string" } }));
  const idempotency =
    operation.method === "POST"
      ? [{ name: "Idempotency-Key", in: "header", required: false, description: "Retrying with the same key and body within 24 hours replays the first answer instead of doing the change again. A request the server stopped before it answered is never run again under its key: a retry gets 409.", schema: { type: "string", maxLength: 255 } }]
      : [];
  return [...path, ...query, ...headers, ...idempotency];
}

function responses(operation: ApiOperation): Record<string, JsonSchema> {
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  const answers: Record<string, JsonSchema> = {
    [String(operation.success.status)]: {
      description: operation.success.description,
      ...(operation.success.schema ? { content: { "application/json": { schema: jsonSchema(operation.success.schema) } } } : {}),
    },
  };
  if (operation.access === "public") return answers;
  for (const [status, description] of Object.entries({ ...COMMON_ERRORS, ...operation.errors })) answers[status] = error(description);
  return answers;
}

/** The OpenAPI 3.1 description of /api/v1, made from the same zod schemas the routes parse with. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const METHOD_ORDER = ["GET", "POST", "PUT", "DELETE"];
  const ordered = [...API_OPERATIONS].sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  for (const operation of ordered) {
    const entry: JsonSchema = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.path.split("/")[3] ?? operation.path.split("/")[1] ?? "api"],
      parameters: parameters(operation),
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body) } } } } : {}),
      responses: responses(operation),
      ...(operation.access === "public" ? { security: [] } : {}),
    };
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = entry;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Draftline API",
      version: "1",
      description:
        "Everything a person can do in the app, for scripts. Authenticate with a personal access token from your account page: `Authorization: Bearer dl_…`. The token acts as you, with your role in each project.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (dl_…)." } },
      schemas: { Error: jsonSchema(errorBodySchema) },
    },
  };
}
