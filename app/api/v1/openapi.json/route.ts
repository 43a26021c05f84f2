import { openApiDocument } from "@/lib/api/v1/openapi-document";

/** The API's description, public: it holds no data. Built once per process from the routes' schemas. */
let document: ReturnType<typeof openApiDocument> | null = null;

export function GET(): Response {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" } });
}
