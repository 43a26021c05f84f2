import { describe, expect, it } from "vitest";
import { value } from "@/lib/testing/harness";
import { answerSampleErp, answerSampleShop } from "./answer-sample-api";
import { listSampleOrders, listSampleRefunds } from "./sample-shop";
import { SAMPLE_ERP_TOKEN, SAMPLE_SHOP_TOKEN } from "./sample-tokens";

const shop = (path: string, token = SAMPLE_SHOP_TOKEN) =>
  answerSampleShop(new Request(`http://127.0.0.1:3000/sample-api/shop/${path}`, { headers: { authorization: `Bearer ${token}` } }), path.split("?")[0]!);

function erp(path: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://127.0.0.1:3000/sample-api/erp/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${SAMPLE_ERP_TOKEN}`, "content-type": "application/json", ...headers },
    body,
  });
  return answerSampleErp(request, path);
}

async function errorOf(response: Response | Promise<Response>) {
  const answered = await response;
  return { status: answered.status, ...((await answered.json()) as { error: { code: string; message: string } }).error };
}

const salesOrder = (reference: string, quantity: unknown = 1) =>
  JSON.stringify({
    documentType: "WEB",
    externalReference: reference,
    customerNumber: "WEB-881",
    currency: "EUR",
    lines: [{ itemNumber: "MUG-BLUE", taxCode: "V19", quantity, unitPrice: 14.5 }],
  });

describe("the sample shop", () => {
  const now = Date.parse("2026-03-09T12:30:00Z");

  it("lists the paid orders updated after the given time, oldest first, the same on every call", () => {
    const params = new URLSearchParams({ updated_at_min: "2026-03-09T06:01:30Z", limit: "250" });
    const { orders } = value(listSampleOrders(params, now));
    expect(orders.map((order) => order.updated_at)).toEqual(["2026-03-09T08:01:30Z", "2026-03-09T10:01:30Z", "2026-03-09T12:01:30Z"]);
    expect(listSampleOrders(params, now)).toEqual(listSampleOrders(params, now));
  });

  it("lists a refund for every third order, an hour after it was placed", () => {
    const { refunds } = value(listSampleRefunds(new URLSearchParams({ created_at_min: "2026-03-08T12:30:00Z" }), now));
    expect(refunds.map((refund) => refund.created_at)).toEqual(["2026-03-08T13:00:00Z", "2026-03-08T19:00:00Z", "2026-03-09T01:00:00Z", "2026-03-09T07:00:00Z"]);
  });

  it("answers only its token, its two lists and times it can read", async () => {
    expect(await errorOf(shop("admin/api/orders.json", "guess"))).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(await errorOf(shop("admin/api/customers.json"))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(shop("admin/api/orders.json?updated_at_min=yesterday"))).toMatchObject({ status: 400, message: expect.stringContaining("updated_at_min") });
    expect(await errorOf(shop("admin/api/orders.json?limit=100000"))).toMatchObject({ status: 400, message: "limit must be a whole number from 1 to 250." });
    expect((await shop("admin/api/orders.json")).status).toBe(200);
  });
});

describe("the sample ERP", () => {
  it("creates a sales order once per idempotency key: a retry gets the first answer, another body under the key is refused", async () => {
    const key = `order-${crypto.randomUUID()}`;
    const first = await erp("api/v2/sales-orders", salesOrder("#A1"), { "idempotency-key": key });
    expect(first.status).toBe(201);
    const created = await first.json();
    const retry = await erp("api/v2/sales-orders", salesOrder("#A1"), { "idempotency-key": key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(created);
    expect(await errorOf(erp("api/v2/sales-orders", salesOrder("#A2"), { "idempotency-key": key }))).toMatchObject({ status: 409, code: "conflict" });
  });

  it("books a credit note only against a sales order it has", async () => {
    const note = (reference: string) =>
      JSON.stringify({ externalReference: `${reference}-R1`, salesOrderReference: reference, customerNumber: "WEB-881", currency: "EUR", lines: [{ itemNumber: "MUG-BLUE", quantity: 1, amount: 14.5 }] });
    expect(await errorOf(erp("api/v2/credit-notes", note("#NOPE"), { "idempotency-key": crypto.randomUUID() }))).toMatchObject({ status: 404, message: "There is no sales order #NOPE in the ERP yet." });
    await erp("api/v2/sales-orders", salesOrder("#B1"), { "idempotency-key": crypto.randomUUID() });
    expect((await erp("api/v2/credit-notes", note("#B1"), { "idempotency-key": crypto.randomUUID() })).status).toBe(201);
  });

  it("refuses a write without a key, a body that is no JSON object, a record it cannot book and an unknown endpoint", async () => {
    const key = { "idempotency-key": crypto.randomUUID() };
    expect(await errorOf(erp("api/v2/sales-orders", salesOrder("#C1")))).toMatchObject({ status: 400, message: expect.stringContaining("Idempotency-Key") });
    expect(await errorOf(erp("api/v2/sales-orders", "{not json", key))).toMatchObject({ status: 400, message: expect.stringContaining("not valid JSON") });
    expect(await errorOf(erp("api/v2/sales-orders", "[1]", key))).toMatchObject({ status: 400, message: "Send the record as a JSON object." });
    expect(await errorOf(erp("api/v2/sales-orders", salesOrder("#C1", "two"), key))).toMatchObject({ status: 400, message: "Line 1: quantity and unitPrice must be numbers." });
    expect(await errorOf(erp("api/v2/sales-orders", "{}", key))).toMatchObject({ status: 400, message: expect.stringContaining("Missing or not text: documentType") });
    expect(await errorOf(erp("api/v2/invoices", "{}", key))).toMatchObject({ status: 404 });
    expect(await errorOf(erp("api/v2/sales-orders", "x".repeat(70 * 1024), key))).toMatchObject({ status: 413, code: "too_large" });
  });
});
