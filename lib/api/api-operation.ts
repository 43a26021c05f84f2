import type { z } from "zod";
import type { Operation } from "@/lib/auth/roles";

export type ApiMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One operation of the API (/api/v1): what the route file under app/api/v1 serves and what the
 * OpenAPI document says of it, from the same zod schemas. `access` is the role operation the
 * caller needs in the project (`account` for calls outside any project).
 */
/** The path parameters a path template names: `/projects/{slug}/versions/{versionId}` → `{ slug, versionId }`. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? { [Key in Name]: string } & PathParams<Rest> : unknown;

export interface ApiOperation<Query extends z.ZodType = z.ZodType, Body extends z.ZodType = z.ZodType, Path extends string = string> {
  method: ApiMethod;
  /** Below /api/v1, with {name} for path parameters, as OpenAPI writes them. */
  path: Path;
  /** `public`: no token needed (the API's own description). */
  access: Operation | "account" | "public";
  summary: string;
  description?: string;
  query?: Query;
  body?: Body;
  /** The success status and what it answers. */
  success: { status: 200 | 201; description: string; schema?: z.ZodType };
  /** Headers the operation reads beyond Authorization and Idempotency-Key. */
  headers?: Array<{ name: string; description: string; required?: boolean }>;
  /** Expected failures beyond those every call may meet (400, 401, 403, 404, 413, 429). */
  errors?: Partial<Record<409 | 412 | 428, string>>;
}

export function apiOperation<const Path extends string, Query extends z.ZodType = z.ZodType, Body extends z.ZodType = z.ZodType>(
  operation: ApiOperation<Query, Body, Path>,
): ApiOperation<Query, Body, Path> {
  return operation;
}
