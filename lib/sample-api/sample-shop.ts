import { fail, ok, type Result } from "@/lib/result";

/**
 * The stub web shop the sample project syncs from: its orders and refunds are computed, never
 * stored, so every instance answers alike and nothing grows. A paid order is placed every two
 * hours on the hour (UTC) and paid 90 seconds later; every third order is partly refunded an
 * hour after it was placed. Lists hold what changed after the given time, oldest first.
 */

const HOUR_MS = 60 * 60 * 1000;
const ORDER_EVERY_MS = 2 * HOUR_MS;
const PAID_AFTER_MS = 90 * 1000;
const REFUNDED_AFTER_MS = HOUR_MS;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

interface Address {
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

const PEOPLE: Array<{ id: number; email: string; address: Address }> = [
  {
    id: 881,
    email: "Lena.Wagner@example.com",
    address: { first_name: "Lena", last_name: "Wagner", company: null, address1: "Schillerstraße 12", address2: null, zip: "10625", city: "Berlin", country_code: "de", phone: "+49 30 1234567" },
  },
  {
    id: 882,
    email: "jonas@huber-kaffee.example",
    address: { first_name: "Jonas", last_name: "Huber", company: "Huber Kaffee", address1: "Mariahilfer Straße 88", address2: "Top 4", zip: "1070", city: "Wien", country_code: "at", phone: null },
  },
  {
    id: 883,
    email: "sanne.devries@example.com",
    address: { first_name: "Sanne", last_name: "de Vries", company: null, address1: "Prinsengracht 263", address2: null, zip: "1016 GV", city: "Amsterdam", country_code: "nl", phone: "+31 20 5556677" },
  },
];

const CATALOG = [
  { sku: "MUG-BLUE", title: "Enamel mug, blue", price: "14.50", tax_rate: 0.19 },
  { sku: "COFFEE-500", title: "Espresso beans 500 g", price: "12.90", tax_rate: 0.07 },
  { sku: "GRINDER-HAND", title: "Hand grinder", price: "49.00", tax_rate: 0.19 },
  { sku: "FILTER-100", title: "Paper filters, 100", price: "3.90", tax_rate: 0.19 },
];

const GATEWAYS = ["credit_card", "paypal", "invoice"] as const;
const SHIPPING = ["standard", "express", "pickup"] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function order(n: number) {
  const placed = n * ORDER_EVERY_MS;
  const person = PEOPLE[n % PEOPLE.length]!;
  const first = CATALOG[n % CATALOG.length]!;
  const second = CATALOG[(n + 1) % CATALOG.length]!;
  const shipping = SHIPPING[n % SHIPPING.length]!;
  return {
    id: n,
    name: `#${n}`,
    created_at: iso(placed),
    updated_at: iso(placed + PAID_AFTER_MS),
    currency: "EUR",
    financial_status: "paid",
    payment_gateway: GATEWAYS[n % GATEWAYS.length]!,
    shipping_method: shipping,
    shipping_price: shipping === "pickup" ? "0.00" : shipping === "express" ? "9.90" : "4.90",
    total_discounts: n % 4 === 0 ? "5.00" : "0.00",
    customer: { id: person.id, email: person.email, first_name: person.address.first_name, last_name: person.address.last_name, default_address: person.address },
    shipping_address: person.address,
    line_items: [
      { ...first, quantity: 1 + (n % 2) },
      { ...second, quantity: 1 },
    ],
  };
}

function refund(n: number) {
  const line = order(n).line_items[0]!;
  return {
    id: n,
    order_id: n,
    order_name: `#${n}`,
    customer_id: PEOPLE[n % PEOPLE.length]!.id,
    created_at: iso(n * ORDER_EVERY_MS + REFUNDED_AFTER_MS),
    currency: "EUR",
    note: "Arrived damaged",
    refund_line_items: [{ sku: line.sku, quantity: 1, subtotal: line.price }],
  };
}

interface ListQuery {
  /** Only what changed after this time. */
  after: number;
  limit: number;
}

function readQuery(params: URLSearchParams, sinceParam: string, now: number): Result<ListQuery> {
  const since = params.get(sinceParam);
  const after = since === null ? now - 24 * HOUR_MS : Date.parse(since);
  if (Number.isNaN(after)) return fail("invalid", `${sinceParam} must be a date and time such as 2026-03-09T10:15:00Z.`);
  const limitText = params.get("limit");
  const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return fail("invalid", `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  return ok({ after, limit });
}

/** The numbers n of the events at n * every + offset that fall after `after` and by `now`, oldest first. */
function eventsBetween(query: ListQuery, now: number, offset: number, keep: (n: number) => boolean = () => true): number[] {
  const numbers: number[] = [];
  for (let n = Math.max(0, Math.floor((query.after - offset) / ORDER_EVERY_MS)); n * ORDER_EVERY_MS + offset <= now && numbers.length < query.limit; n++) {
    if (n * ORDER_EVERY_MS + offset > query.after && keep(n)) numbers.push(n);
  }
  return numbers;
}

/** GET /admin/api/orders.json?updated_at_min=…&limit=…: paid orders updated after the time. */
export function listSampleOrders(params: URLSearchParams, now = Date.now()): Result<{ orders: Array<ReturnType<typeof order>> }> {
  const status = params.get("financial_status");
  if (status !== null && status !== "paid" && status !== "any") return ok({ orders: [] });
  const query = readQuery(params, "updated_at_min", now);
  if (!query.ok) return query;
  return ok({ orders: eventsBetween(query.value, now, PAID_AFTER_MS).map(order) });
}

/** GET /admin/api/refunds.json?created_at_min=…: refunds made after the time. */
export function listSampleRefunds(params: URLSearchParams, now = Date.now()): Result<{ refunds: Array<ReturnType<typeof refund>> }> {
  const query = readQuery(params, "created_at_min", now);
  if (!query.ok) return query;
  return ok({ refunds: eventsBetween(query.value, now, REFUNDED_AFTER_MS, (n) => n % 3 === 0).map(refund) });
}
