import { apiOperation } from "@/lib/api/api-operation";

export const openApiDocument = apiOperation({
  method: "GET",
  path: "/openapi.json",
  access: "public",
  summary: "This API's OpenAPI 3.1 description",
  description: "Readable without a token: it holds no data, only what each call takes and answers.",
  success: { status: 200, description: "The OpenAPI document." },
});
