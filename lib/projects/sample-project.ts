/**
 * The integration every new installation starts with, so the editor, versions and
 * deployments have something realistic to work on. The files reference each other the
 * way a real project would (imports, config keys, mapping names).
 */

export const DEFAULT_ENVIRONMENTS = ["development", "staging", "production"] as const;

export const SAMPLE_PROJECT: { slug: string; name: string; files: Array<{ path: string; content: string }> } = {
  slug: "order-sync",
  name: "Order sync",
  files: [
    {
      path: "README.md",
      content: `# Order sync

Keeps the ERP in step with the web shop:

- **order-sync** (every 5 minutes) fetches paid orders changed since the last run, upserts
  the customer (\`WEB-<shop customer id>\`) and creates a sales order of type \`WEB\`.
- **refund-sync** (every 15 minutes) books shop refunds as credit notes against those
  sales orders.

## Files

| Path | What it holds |
| --- | --- |
| \`integration.yaml\` | schedules, retry policy, connections per environment |
| \`workflows/order-sync.ts\` | \`syncOrders\` and the order mapping \`toErpSalesOrder\` |
| \`workflows/refund-sync.ts\` | \`syncRefunds\` |
| \`mappings/order-to-erp.json\` | shipping methods, payment terms and tax codes per country |
| \`mappings/customer.ts\` | shop customer and address → ERP customer |
| \`lib/http-client.ts\` | \`createHttpClient\` and \`withRetry\` (exponential backoff for 429 and 5xx) |
| \`tests/order-sync.test.ts\` | examples of the mapping and the retry rules |

## Failures and retries

Rate limits (429) and server errors (5xx) are retried up to \`retries.maxAttempts\` times.
Every ERP write carries an idempotency key (\`order-<id>\`, \`refund-<id>\`), so a retry
never creates a second sales order. An order the ERP rejects (4xx) is logged and
picked up again on the next run; the cursor never moves past it.

## Environments

\`development\` only runs when started by hand (**Run now**); it and \`staging\` talk to the
stub shop and ERP that Draftline itself serves under \`/sample-api\`, with fake orders and
refunds, so the sample runs offline. \`production\` points at real addresses and alerts
\`integrations@example.com\` after three failed runs. Set \`SHOP_API_TOKEN\` and
\`ERP_API_TOKEN\` as secrets in each environment: the stub's are \`sample-shop-token\` and
\`sample-erp-token\` (the sample Draftline adds on its first start has them in development and
staging; a copy of it does not).

## Versions

\`1.0.0\` runs in development. \`1.1.0\` is broken on purpose: it reads
\`mapping.shipping.methods\`, which the mapping file does not have, so every order-sync run
fails as the workflow loads. Deploy it to development, press **Run now**, see the failed runs,
then roll back to \`1.0.0\`.

## Adding a country

Add its tax codes under \`taxCodes\` in \`mappings/order-to-erp.json\`; countries without
an entry use the EU OSS codes.
`,
    },
    {
      path: "integration.yaml",
      content: `name: order-sync
description: Copies paid shop orders into the ERP as sales orders, and shop refunds as credit notes.
runtime: node20

workflows:
  order-sync:
    entry: workflows/order-sync.ts#syncOrders
    schedule: "*/5 * * * *"   # every 5 minutes
    timeout: 4m
  refund-sync:
    entry: workflows/refund-sync.ts#syncRefunds
    schedule: "*/15 * * * *"
    timeout: 4m

retries:
  maxAttempts: 5
  initialBackoffMs: 2000
  maxBackoffMs: 60000

# Values come from the environment's connections in Draftline; secrets are never stored here.
connections:
  shop:
    SHOP_API_URL: \${connections.shop.url}
    SHOP_API_TOKEN: \${secrets.SHOP_API_TOKEN}
  erp:
    ERP_API_URL: \${connections.erp.url}
    ERP_API_TOKEN: \${secrets.ERP_API_TOKEN}

# \${app.url} is where Draftline reaches itself: development and staging use the stub shop and
# ERP it serves under /sample-api, so the sample runs offline. An environment's setting of the
# same name (shop.url, erp.url) wins over these.
environments:
  development:
    shop.url: "\${app.url}/sample-api/shop"
    erp.url: "\${app.url}/sample-api/erp"
    schedule: manual
  staging:
    shop.url: "\${app.url}/sample-api/shop"
    erp.url: "\${app.url}/sample-api/erp"
  production:
    shop.url: https://shop.example.com
    erp.url: https://erp.example.com
    alerts:
      email: integrations@example.com
      after_failed_runs: 3
`,
    },
    {
      path: "workflows/order-sync.ts",
      content: `import { createHttpClient, HttpError, withRetry, type RetryPolicy } from "../lib/http-client";
import { erpCustomerNumber, toErpAddress, toErpCustomer, type ShopAddress, type ShopCustomer } from "../mappings/customer";
import mapping from "../mappings/order-to-erp.json";

export interface WorkflowContext {
  env: Record<"SHOP_API_URL" | "SHOP_API_TOKEN" | "ERP_API_URL" | "ERP_API_TOKEN", string>;
  retries: RetryPolicy;
  state: { get(key: string): Promise<string | undefined>; set(key: string, value: string): Promise<void> };
  log(message: string, fields?: Record<string, unknown>): void;
}

export interface ShopLineItem {
  sku: string;
  title: string;
  quantity: number;
  price: string;
  tax_rate: number;
}

export interface ShopOrder {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  currency: string;
  payment_gateway: keyof typeof mapping.paymentTerms;
  shipping_method: keyof typeof mapping.shippingMethods;
  shipping_price: string;
  total_discounts: string;
  customer: ShopCustomer;
  shipping_address: ShopAddress;
  line_items: ShopLineItem[];
}

export interface ErpOrderLine {
  itemNumber: string;
  description: string;
  quantity: number;
  unitPrice: number;
  taxCode: string;
}

const CURSOR = "orders.updatedSince";

export function toErpSalesOrder(order: ShopOrder) {
  const country = order.shipping_address.country_code.toUpperCase();
  const taxCodes = mapping.taxCodes[country as keyof typeof mapping.taxCodes] ?? mapping.taxCodes.default;
  const lines: ErpOrderLine[] = order.line_items.map((item) => ({
    itemNumber: item.sku,
    description: item.title,
    quantity: item.quantity,
    unitPrice: Number(item.price),
    taxCode: item.tax_rate < 0.15 ? taxCodes.reduced : taxCodes.standard,
  }));
  if (Number(order.shipping_price) > 0) {
    const unitPrice = Number(order.shipping_price);
    lines.push({ itemNumber: mapping.shippingItemNumber, description: "Shipping", quantity: 1, unitPrice, taxCode: taxCodes.standard });
  }
  if (Number(order.total_discounts) > 0) {
    const unitPrice = -Number(order.total_discounts);
    lines.push({ itemNumber: mapping.discountItemNumber, description: "Discount", quantity: 1, unitPrice, taxCode: taxCodes.standard });
  }
  return {
    documentType: mapping.documentType,
    externalReference: order.name,
    orderDate: order.created_at.slice(0, 10),
    customerNumber: erpCustomerNumber(order.customer.id),
    currency: order.currency,
    warehouse: mapping.warehouse,
    shippingMethod: mapping.shippingMethods[order.shipping_method],
    paymentTerms: mapping.paymentTerms[order.payment_gateway] ?? "NET30",
    deliveryAddress: toErpAddress(order.shipping_address),
    lines,
  };
}

/** Copies paid orders changed since the last run into the ERP, customer first, then the sales order. */
export async function syncOrders(context: WorkflowContext) {
  const shop = createHttpClient({ baseUrl: context.env.SHOP_API_URL, token: context.env.SHOP_API_TOKEN });
  const erp = createHttpClient({ baseUrl: context.env.ERP_API_URL, token: context.env.ERP_API_TOKEN });
  const since = (await context.state.get(CURSOR)) ?? new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();

  const { orders } = await withRetry(context.retries, () =>
    shop.get<{ orders: ShopOrder[] }>(
      \`/admin/api/orders.json?financial_status=paid&order=updated_at+asc&limit=250&updated_at_min=\${encodeURIComponent(since)}\`,
    ),
  );

  const synced: string[] = [];
  const failed: string[] = [];
  let cursor = since;
  for (const order of orders) {
    try {
      await withRetry(context.retries, async (attempt) => {
        if (attempt > 1) context.log("Retrying order", { order: order.name, attempt });
        // Idempotency keys make a retry after a timeout safe: the ERP answers with the first result.
        await erp.post("/api/v2/customers/upsert", toErpCustomer(order.customer), { idempotencyKey: \`customer-\${order.customer.id}\` });
        await erp.post("/api/v2/sales-orders", toErpSalesOrder(order), { idempotencyKey: \`order-\${order.id}\` });
      });
      synced.push(order.name);
      // The cursor stops at the first failure so that order is fetched again on the next run.
      if (failed.length === 0) cursor = order.updated_at;
    } catch (error) {
      failed.push(order.name);
      context.log("Order not synced", {
        order: order.name,
        error: error instanceof HttpError ? \`\${error.status} \${error.body}\` : String(error),
      });
    }
  }

  await context.state.set(CURSOR, cursor);
  context.log("Order sync finished", { synced: synced.length, failed: failed.length });
  return { synced, failed };
}
`,
    },
    {
      path: "workflows/refund-sync.ts",
      content: `import { createHttpClient, HttpError, withRetry } from "../lib/http-client";
import { erpCustomerNumber } from "../mappings/customer";
import type { WorkflowContext } from "./order-sync";

interface ShopRefund {
  id: number;
  order_id: number;
  order_name: string;
  customer_id: number;
  created_at: string;
  currency: string;
  note: string | null;
  refund_line_items: Array<{ sku: string; quantity: number; subtotal: string }>;
}

const CURSOR = "refunds.createdSince";

/** Books each new shop refund as a credit note against the ERP sales order it belongs to. */
export async function syncRefunds(context: WorkflowContext) {
  const shop = createHttpClient({ baseUrl: context.env.SHOP_API_URL, token: context.env.SHOP_API_TOKEN });
  const erp = createHttpClient({ baseUrl: context.env.ERP_API_URL, token: context.env.ERP_API_TOKEN });
  const since = (await context.state.get(CURSOR)) ?? new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();

  const { refunds } = await withRetry(context.retries, () =>
    shop.get<{ refunds: ShopRefund[] }>(\`/admin/api/refunds.json?order=created_at+asc&created_at_min=\${encodeURIComponent(since)}\`),
  );

  let cursor = since;
  for (const refund of refunds) {
    try {
      await withRetry(context.retries, () =>
        erp.post(
          "/api/v2/credit-notes",
          {
            externalReference: \`\${refund.order_name}-R\${refund.id}\`,
            salesOrderReference: refund.order_name,
            customerNumber: erpCustomerNumber(refund.customer_id),
            currency: refund.currency,
            reason: refund.note ?? "Refund in shop",
            lines: refund.refund_line_items.map((line) => ({
              itemNumber: line.sku,
              quantity: line.quantity,
              amount: Number(line.subtotal),
            })),
          },
          { idempotencyKey: \`refund-\${refund.id}\` },
        ),
      );
      cursor = refund.created_at;
    } catch (error) {
      // A 404 means the order has not reached the ERP yet; order-sync will catch up first.
      if (error instanceof HttpError && error.status === 404) {
        context.log("Refund waits for its order", { order: refund.order_name, refund: refund.id });
      } else {
        context.log("Refund not synced", { refund: refund.id, error: String(error) });
      }
      break;
    }
  }
  await context.state.set(CURSOR, cursor);
}
`,
    },
    {
      path: "mappings/order-to-erp.json",
      content: `{
  "target": "SalesOrder",
  "documentType": "WEB",
  "warehouse": "MAIN",
  "shippingMethods": {
    "standard": "DHL-STD",
    "express": "DHL-EXP",
    "pickup": "PICKUP"
  },
  "paymentTerms": {
    "credit_card": "PREPAID",
    "paypal": "PREPAID",
    "invoice": "NET30"
  },
  "taxCodes": {
    "DE": { "standard": "V19", "reduced": "V7" },
    "AT": { "standard": "V20", "reduced": "V10" },
    "default": { "standard": "EU-OSS", "reduced": "EU-OSS-R" }
  },
  "shippingItemNumber": "SHIPPING",
  "discountItemNumber": "DISCOUNT"
}
`,
    },
    {
      path: "mappings/customer.ts",
      content: `export interface ShopAddress {
  first_name: string;
  last_name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  zip: string;
  city: string;
  country_code: string;
  phone: string | null;
}

export interface ShopCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  default_address: ShopAddress | null;
}

export interface ErpAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface ErpCustomer {
  customerNumber: string;
  name: string;
  email: string;
  phone?: string;
  billingAddress?: ErpAddress;
}

/** Shop customer ids are prefixed so they never collide with customers created in the ERP itself. */
export function erpCustomerNumber(shopCustomerId: number): string {
  return \`WEB-\${shopCustomerId}\`;
}

export function toErpAddress(address: ShopAddress): ErpAddress {
  const person = \`\${address.first_name} \${address.last_name}\`.trim();
  return {
    name: address.company ? \`\${address.company} (\${person})\` : person,
    street: [address.address1, address.address2].filter(Boolean).join(", "),
    postalCode: address.zip,
    city: address.city,
    country: address.country_code.toUpperCase(),
  };
}

export function toErpCustomer(customer: ShopCustomer): ErpCustomer {
  const address = customer.default_address;
  return {
    customerNumber: erpCustomerNumber(customer.id),
    name: address?.company ?? \`\${customer.first_name} \${customer.last_name}\`.trim(),
    email: customer.email.toLowerCase(),
    ...(address?.phone ? { phone: address.phone } : {}),
    ...(address ? { billingAddress: toErpAddress(address) } : {}),
  };
}
`,
    },
    {
      path: "lib/http-client.ts",
      content: `export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(\`HTTP \${status} from \${url}\`);
  }

  /** Rate limits and server errors are worth another try; 4xx answers are not. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export interface HttpClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}

export interface HttpClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, options?: { idempotencyKey?: string }): Promise<T>;
}

export function createHttpClient({ baseUrl, token, timeoutMs = 15_000 }: HttpClientOptions): HttpClient {
  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    // Joined as text: new URL("/admin/…", base) would drop a base's own path (…/sample-api/shop).
    const url = new URL(\`\${baseUrl.replace(/\\/+$/, "")}\${path}\`).toString();
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: \`Bearer \${token}\`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new HttpError(response.status, url, await response.text());
    return (await response.json()) as T;
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body, options = {}) =>
      request("POST", path, body, options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : {}),
  };
}

export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/** Retries transient failures with exponential backoff and jitter; anything else fails at once. */
export async function withRetry<T>(
  policy: RetryPolicy,
  operation: (attempt: number) => Promise<T>,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const transient = !(error instanceof HttpError) || error.retryable;
      if (!transient || attempt >= policy.maxAttempts) throw error;
      const backoff = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}
`,
    },
    {
      path: "tests/order-sync.test.ts",
      content: `import { describe, expect, it } from "vitest";
import { HttpError, withRetry } from "../lib/http-client";
import { toErpSalesOrder, type ShopOrder } from "../workflows/order-sync";

const address = {
  first_name: "Lena",
  last_name: "Wagner",
  company: null,
  address1: "Schillerstraße 12",
  address2: null,
  zip: "10625",
  city: "Berlin",
  country_code: "de",
  phone: "+49 30 1234567",
};

const order: ShopOrder = {
  id: 5012,
  name: "#1042",
  created_at: "2026-03-09T10:15:00Z",
  updated_at: "2026-03-09T10:16:30Z",
  currency: "EUR",
  payment_gateway: "paypal",
  shipping_method: "express",
  shipping_price: "6.90",
  total_discounts: "5.00",
  customer: { id: 881, email: "Lena.Wagner@example.com", first_name: "Lena", last_name: "Wagner", default_address: address },
  shipping_address: address,
  line_items: [
    { sku: "MUG-BLUE", title: "Enamel mug, blue", quantity: 2, price: "14.50", tax_rate: 0.19 },
    { sku: "COFFEE-500", title: "Espresso beans 500 g", quantity: 1, price: "12.90", tax_rate: 0.07 },
  ],
};

const fastRetries = { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 1 };
const noSleep = async () => {};

describe("toErpSalesOrder", () => {
  it("maps a German order with shipping and a discount", () => {
    const salesOrder = toErpSalesOrder(order);

    expect(salesOrder).toMatchObject({
      documentType: "WEB",
      externalReference: "#1042",
      orderDate: "2026-03-09",
      customerNumber: "WEB-881",
      shippingMethod: "DHL-EXP",
      paymentTerms: "PREPAID",
    });
    expect(salesOrder.lines.map((line) => [line.itemNumber, line.taxCode, line.unitPrice])).toEqual([
      ["MUG-BLUE", "V19", 14.5],
      ["COFFEE-500", "V7", 12.9],
      ["SHIPPING", "V19", 6.9],
      ["DISCOUNT", "V19", -5],
    ]);
  });
});

describe("withRetry", () => {
  it("retries a 503 until the ERP answers", async () => {
    let calls = 0;
    const result = await withRetry(
      fastRetries,
      async () => {
        calls++;
        if (calls < 3) throw new HttpError(503, "https://erp.test/api/v2/sales-orders", "busy");
        return "created";
      },
      noSleep,
    );
    expect(result).toBe("created");
    expect(calls).toBe(3);
  });

  it("does not retry a rejected order", async () => {
    let calls = 0;
    const rejected = withRetry(
      fastRetries,
      async () => {
        calls++;
        throw new HttpError(422, "https://erp.test/api/v2/sales-orders", "unknown item MUG-BLUE");
      },
      noSleep,
    );
    await expect(rejected).rejects.toThrow("HTTP 422");
    expect(calls).toBe(1);
  });
});
`,
    },
  ],
};

const ORDER_SYNC_PATH = "workflows/order-sync.ts";

/** Replaces `from` (which must be there) with `to` in the sample's file at `path`. */
function changed(path: string, edits: Array<[from: string, to: string]>): { path: string; content: string } {
  let content = SAMPLE_PROJECT.files.find((file) => file.path === path)?.content ?? "";
  for (const [from, to] of edits) {
    if (!content.includes(from)) throw new Error(`The sample's ${path} no longer holds ${JSON.stringify(from)}`);
    content = content.replace(from, to);
  }
  return { path, content };
}

/**
 * The sample's version history as seeded: the release that runs, then a change that breaks
 * order-sync on purpose (it reads \`mapping.shipping.methods\`, which the mapping file does not
 * have, as the workflow loads), so a newcomer can deploy it, see failed runs and roll back.
 */
export const SAMPLE_HISTORY = {
  good: { name: "1.0.0", description: "Orders and refunds from the shop into the ERP, every 5 and 15 minutes." },
  broken: {
    name: "1.1.0",
    description:
      "Looks shipping methods up once per run. Broken on purpose, to try failed runs and rolling back: it reads mapping.shipping.methods, which the mapping file does not have.",
    files: [
      changed(ORDER_SYNC_PATH, [
        [
          'const CURSOR = "orders.updatedSince";\n',
          'const CURSOR = "orders.updatedSince";\n// Built once as the workflow loads, not for every order.\nconst shippingMethods = new Map(Object.entries(mapping.shipping.methods));\n',
        ],
        ["shippingMethod: mapping.shippingMethods[order.shipping_method],", "shippingMethod: shippingMethods.get(order.shipping_method),"],
      ]),
    ],
  },
} as const;
