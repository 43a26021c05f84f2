import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { bundleWorkflow } from "./bundle-workflow";
import { startFakeServer } from "./fake-shop-and-erp";
import { toFileMap } from "./file-map";
import { readIntegrationConfig } from "./read-integration-config";
import { runInSandbox } from "./run-in-sandbox";

const address = {
  first_name: "Jonas",
  last_name: "Huber",
  company: "Huber Kaffee",
  address1: "Mariahilfer Straße 88",
  address2: "Top 4",
  zip: "1070",
  city: "Wien",
  country_code: "at",
  phone: null,
};

function order(id: number, name: string, updatedAt: string) {
  return {
    id,
    name,
    created_at: "2026-03-09T10:15:00Z",
    updated_at: updatedAt,
    currency: "EUR",
    payment_gateway: "paypal",
    shipping_method: "express",
    shipping_price: "6.90",
    total_discounts: "0.00",
    customer: { id: 881, email: "Jonas.Huber@example.com", first_name: "Jonas", last_name: "Huber", default_address: address },
    shipping_address: address,
    line_items: [{ sku: "MUG-BLUE", title: "Enamel mug, blue", quantity: 2, price: "14.50", tax_rate: 0.19 }],
  };
}

const orders = [order(5012, "#1042", "2026-03-09T10:16:30Z"), order(5013, "#1043", "2026-03-09T10:20:00Z"), order(5014, "#1044", "2026-03-09T10:25:00Z")];

const shop = await startFakeServer(() => ({ status: 200, body: { orders } }));
let busyOnce = true;
const erp = await startFakeServer((call) => {
  const reference = (call.body as { externalReference?: string } | undefined)?.externalReference;
  if (reference === "#1043" && busyOnce) {
    busyOnce = false;
    return { status: 503, body: "busy" };
  }
  if (reference === "#1044") return { status: 422, body: "unknown item MUG-BLUE" };
  return { status: 201, body: { ok: true } };
});

afterAll(async () => {
  await Promise.all([shop.close(), erp.close()]);
});

describe("the sample project's syncOrders in the sandbox", () => {
  const files = toFileMap(SAMPLE_PROJECT.files);
  let result: Awaited<ReturnType<typeof runInSandbox>>;

  beforeAll(async () => {
    const config = readIntegrationConfig(files);
    if (!config.ok) throw new Error(config.error.message);
    const workflow = config.value.workflows.find((item) => item.name === "order-sync");
    if (!workflow) throw new Error("order-sync is missing");
    const bundled = await bundleWorkflow(files, workflow.entry);
    if (!bundled.ok) throw new Error(bundled.error.message);
    result = await runInSandbox(bundled.value, {
      env: { SHOP_API_URL: shop.url, SHOP_API_TOKEN: "shop-token", ERP_API_URL: erp.url, ERP_API_TOKEN: "erp-token" },
      retries: { ...config.value.retries, initialBackoffMs: 1, maxBackoffMs: 2 },
      state: { "orders.updatedSince": "2026-03-09T00:00:00Z" },
      allowedHosts: [shop.host, erp.host],
    });
  });

  it("syncs the orders the ERP accepts and keeps the cursor before the one it rejected", () => {
    expect(result).toMatchObject({ status: "succeeded", output: { synced: ["#1042", "#1043"], failed: ["#1044"] } });
    expect(result.state).toEqual({ "orders.updatedSince": "2026-03-09T10:20:00Z" });
  });

  it("asks the shop for paid orders since the stored cursor, with its token", () => {
    expect(shop.calls).toHaveLength(1);
    expect(shop.calls[0]?.path).toBe(
      "/admin/api/orders.json?financial_status=paid&order=updated_at+asc&limit=250&updated_at_min=2026-03-09T00%3A00%3A00Z",
    );
    expect(shop.calls[0]?.headers.authorization).toBe("Bearer shop-token");
  });

  it("upserts the customer, then creates the sales order, retrying the 503 with the same idempotency key", () => {
    expect(erp.calls.map((call) => [call.method, call.path, call.headers["idempotency-key"]])).toEqual([
      ["POST", "/api/v2/customers/upsert", "customer-881"],
      ["POST", "/api/v2/sales-orders", "order-5012"],
      ["POST", "/api/v2/customers/upsert", "customer-881"],
      ["POST", "/api/v2/sales-orders", "order-5013"],
      ["POST", "/api/v2/customers/upsert", "customer-881"],
      ["POST", "/api/v2/sales-orders", "order-5013"],
      ["POST", "/api/v2/customers/upsert", "customer-881"],
      ["POST", "/api/v2/sales-orders", "order-5014"],
    ]);
    expect(erp.calls.every((call) => call.headers.authorization === "Bearer erp-token")).toBe(true);
    expect(erp.calls[1]?.body).toMatchObject({
      documentType: "WEB",
      externalReference: "#1042",
      customerNumber: "WEB-881",
      shippingMethod: "DHL-EXP",
      lines: [
        { itemNumber: "MUG-BLUE", taxCode: "V20", unitPrice: 14.5, quantity: 2 },
        { itemNumber: "SHIPPING", taxCode: "V20", unitPrice: 6.9 },
      ],
      deliveryAddress: { name: "Huber Kaffee (Jonas Huber)", street: "Mariahilfer Straße 88, Top 4", country: "AT" },
    });
    expect(erp.calls[0]?.body).toEqual({
      customerNumber: "WEB-881",
      name: "Huber Kaffee",
      email: "jonas.huber@example.com",
      billingAddress: { name: "Huber Kaffee (Jonas Huber)", street: "Mariahilfer Straße 88, Top 4", postalCode: "1070", city: "Wien", country: "AT" },
    });
  });

  it("logs the retry, the rejected order and the summary", () => {
    expect(result.logs.map(({ message, fields }) => ({ message, fields }))).toEqual([
      { message: "Retrying order", fields: { order: "#1043", attempt: 2 } },
      { message: "Order not synced", fields: { order: "#1044", error: "422 unknown item MUG-BLUE" } },
      { message: "Order sync finished", fields: { synced: 2, failed: 1 } },
    ]);
  });
});
