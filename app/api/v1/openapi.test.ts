import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/v1/operations";
import { GET } from "./openapi.json/route";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every `METHOD /path` the route files under app/api/v1 serve, in OpenAPI's path syntax. */
async function servedOperations(): Promise<string[]> {
  const files = (await readdir(import.meta.dirname, { recursive: true })).filter((file) => file.endsWith("route.ts"));
  const served: string[] = [];
  for (const file of files) {
    const folder = path.dirname(file).split(path.sep).join("/");
    const apiPath = `/${folder}`.replace(/\[([^\]]+)\]/g, "{$1}");
    const loaded = (await import(/* @vite-ignore */ path.join(import.meta.dirname, file))) as Record<string, unknown>;
    for (const method of METHODS) if (typeof loaded[method] === "function") served.push(`${method} ${apiPath}`);
  }
  return served.sort();
}

type Document = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string; in: string }>; requestBody?: unknown }>> };

describe("the OpenAPI document", () => {
  it("describes exactly the routes under app/api/v1: a route without a description, or a description without a route, fails", async () => {
    const document = (await GET().json()) as Document;
    expect(document.openapi).toBe("3.1.0");
    const described = Object.entries(document.paths).flatMap(([apiPath, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${apiPath}`));
    expect(described.sort()).toEqual(await servedOperations());
  });

  it("is made from the routes' own zod schemas: query parameters, bodies and path parameters", async () => {
    const document = (await GET().json()) as Document;
    const listVersions = document.paths["/projects/{slug}/versions"]!.get!;
    expect(listVersions.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual(
      expect.arrayContaining(["path:slug", "query:search", "query:before", "query:limit"]),
    );
    const deploy = document.paths["/projects/{slug}/environments/{environmentId}/deployments"]!.post!;
    expect(JSON.stringify(deploy.requestBody)).toContain("latestDraft");
    expect(deploy.parameters.map((parameter) => parameter.name)).toContain("Idempotency-Key");
    expect(new Set(API_OPERATIONS.map((operation) => operation.operationId)).size).toBe(API_OPERATIONS.length);
  });
});
