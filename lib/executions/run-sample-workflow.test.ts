import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_HISTORY, SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { SAMPLE_ERP_TOKEN, SAMPLE_SHOP_TOKEN } from "@/lib/sample-api/sample-tokens";
import { startSampleApi } from "@/lib/sample-api/test-server";
import { value } from "@/lib/testing/harness";
import { allowedHostsOf } from "./allowed-hosts";
import { bundleWorkflow } from "./bundle-workflow";
import { startFakeServer } from "./fake-shop-and-erp";
import { toFileMap, type FileMap } from "./file-map";
import { readIntegrationConfig } from "./read-integration-config";
import { resolveRunEnv, type RunSetting } from "./resolve-run-env";
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

describe("the sample's workflows against the stub shop and ERP the app serves under /sample-api", () => {
  const good = toFileMap(SAMPLE_PROJECT.files);
  const tokens: RunSetting[] = [
    { key: "SHOP_API_TOKEN", value: SAMPLE_SHOP_TOKEN, isSecret: true },
    { key: "ERP_API_TOKEN", value: SAMPLE_ERP_TOKEN, isSecret: true },
  ];
  let api: Awaited<ReturnType<typeof startSampleApi>>;

  beforeAll(async () => {
    api = await startSampleApi();
  });
  afterAll(async () => {
    await api.close();
  });

  /** Runs a workflow of these files in development as a run would: integration.yaml's templates resolved, `${app.url}` the stub's server. */
  async function run(files: FileMap, name: string, state: Record<string, string> = {}, settings = tokens) {
    const config = value(readIntegrationConfig(files));
    const workflow = config.workflows.find((item) => item.name === name)!;
    const env = value(resolveRunEnv({ environment: "development", settings, config, appUrl: api.url }));
    const bundled = value(await bundleWorkflow(files, workflow.entry));
    const from = api.calls.length;
    const result = await runInSandbox(bundled, { env, state, retries: { ...config.retries, initialBackoffMs: 1, maxBackoffMs: 2 }, allowedHosts: allowedHostsOf(env) });
    return { result, env, calls: api.calls.slice(from) };
  }

  const twoDaysAgo = () => new Date(Date.now() - 48 * 60 * 60 * 1000).toISOString();

  it("order-sync copies the paid orders since its cursor into the ERP, customer first, and succeeds", async () => {
    const { result, env, calls } = await run(good, "order-sync", { "orders.updatedSince": twoDaysAgo() });
    expect(env).toMatchObject({ SHOP_API_URL: `${api.url}/sample-api/shop`, ERP_API_URL: `${api.url}/sample-api/erp`, SHOP_API_TOKEN: SAMPLE_SHOP_TOKEN });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("succeeded");
    const [list, ...writes] = calls;
    expect(list).toMatchObject({ method: "GET", status: 200 });
    expect(list!.path).toMatch(/^\/sample-api\/shop\/admin\/api\/orders\.json\?financial_status=paid&/);
    const orders = (list!.body as { orders: Array<{ name: string }> }).orders.map((order) => order.name);
    // An order every two hours: two days hold 24 (25 when the clock passes one in between).
    expect(orders.length).toBeGreaterThanOrEqual(24);
    expect(result.output).toEqual({ synced: orders, failed: [] });
    expect(writes.map((call) => call.path)).toEqual(orders.flatMap(() => ["/sample-api/erp/api/v2/customers/upsert", "/sample-api/erp/api/v2/sales-orders"]));
    expect(writes.filter((call) => call.path.endsWith("sales-orders")).every((call) => call.status === 201 && !call.replayed)).toBe(true);
    expect(result.logs.map((line) => line.message)).toEqual(["Order sync finished"]);
  });

  it("a second run of the same orders is safe: the ERP answers every write again under its idempotency key", async () => {
    const { result, calls } = await run(good, "order-sync", { "orders.updatedSince": twoDaysAgo() });
    expect(result.status).toBe("succeeded");
    const writes = calls.filter((call) => call.method === "POST");
    expect(writes.length).toBeGreaterThanOrEqual(48);
    expect(writes.every((call) => call.replayed && call.status < 300)).toBe(true);
  });

  it("refund-sync books the day's refunds as credit notes against the sales orders order-sync made", async () => {
    const { result, calls } = await run(good, "refund-sync");
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("succeeded");
    const [list, ...writes] = calls;
    const refunds = (list!.body as { refunds: Array<{ order_name: string }> }).refunds;
    // A refund every six hours.
    expect(refunds.length).toBeGreaterThanOrEqual(4);
    expect(writes).toHaveLength(refunds.length);
    expect(writes.every((call) => call.path === "/sample-api/erp/api/v2/credit-notes" && call.status === 201)).toBe(true);
    expect(result.logs).toEqual([]);
  });

  it("fails the run with the shop's 401 when the environment holds another token", async () => {
    const wrong = [{ key: "SHOP_API_TOKEN", value: "not-the-sample-token", isSecret: true }, tokens[1]!];
    const { result, calls } = await run(good, "order-sync", {}, wrong);
    expect(calls).toEqual([expect.objectContaining({ status: 401 })]);
    expect(result.status).toBe("failed");
    expect(result.error?.message).toMatch(/^HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/sample-api\/shop\/admin\/api\/orders\.json/);
  });

  it("version 1.1.0 breaks order-sync as it loads, before any call; refund-sync still runs", async () => {
    const broken = new Map(good);
    for (const file of SAMPLE_HISTORY.broken.files) broken.set(file.path, file.content);
    const orders = await run(broken, "order-sync");
    expect(orders.calls).toEqual([]);
    expect(orders.result.status).toBe("failed");
    expect(orders.result.error?.name).toBe("TypeError");
    expect(orders.result.error?.message).toContain("methods");
    expect(orders.result.error?.stack).toContain("workflows/order-sync.ts");
    expect((await run(broken, "refund-sync")).result.status).toBe("succeeded");
  });
});
