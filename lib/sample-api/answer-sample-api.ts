import { decodeUtf8, readBodyUpTo } from "@/lib/http/read-utf8-body";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import type { Result } from "@/lib/result";
import { writeToSampleErp } from "./sample-erp";
import { listSampleOrders, listSampleRefunds } from "./sample-shop";
import { checkSampleToken, SAMPLE_ERP_TOKEN, SAMPLE_SHOP_TOKEN } from "./sample-tokens";

const SHOP_LISTS: Record<string, (params: URLSearchParams) => Result<unknown>> = {
  "admin/api/orders.json": listSampleOrders,
  "admin/api/refunds.json": listSampleRefunds,
};
const MAX_ERP_BODY_BYTES = 64 * 1024;

/** GET /sample-api/shop/<path>: the stub shop's lists, for the sample's shop token only. */
export function answerSampleShop(request: Request, path: string): Response {
  const token = checkSampleToken(request.headers, SAMPLE_SHOP_TOKEN, "shop");
  if (!token.ok) return errorResponse(token.error);
  const list = Object.hasOwn(SHOP_LISTS, path) ? SHOP_LISTS[path] : undefined;
  if (!list) return errorResponse({ code: "not_found", message: "The sample shop has no such list: it answers GET admin/api/orders.json and admin/api/refunds.json." });
  return resultResponse(list(new URL(request.url).searchParams));
}

/** POST /sample-api/erp/<path>: a JSON record into the stub ERP, for the sample's ERP token only. */
export async function answerSampleErp(request: Request, path: string): Promise<Response> {
  const token = checkSampleToken(request.headers, SAMPLE_ERP_TOKEN, "ERP");
  if (!token.ok) return errorResponse(token.error);
  const bytes = await readBodyUpTo(request, MAX_ERP_BODY_BYTES, `The sample ERP takes records of up to ${MAX_ERP_BODY_BYTES / 1024} KB.`);
  if (!bytes.ok) return errorResponse(bytes.error);
  const text = decodeUtf8(bytes.value);
  if (!text.ok) return errorResponse({ code: "invalid", message: "The body is not valid UTF-8 text." });
  let body: unknown;
  try {
    body = JSON.parse(text.value);
  } catch {
    return errorResponse({ code: "invalid", message: "The body is not valid JSON; send the record as a JSON object." });
  }
  const written = writeToSampleErp(path, request.headers.get("idempotency-key"), body);
  if (!written.ok) return errorResponse(written.error);
  const { status, body: answer, replayed } = written.value;
  return Response.json(answer, { status, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
}
