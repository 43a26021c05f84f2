import { createHash } from "node:crypto";
import { BoundedCache } from "@/lib/executions/bounded-cache";
import { fail, ok, type Result } from "@/lib/result";

/**
 * The stub ERP the sample project syncs into, in this process's memory only (bounded, lost on
 * restart): customers, sales orders and credit notes are checked as an ERP would check them and
 * remembered only so a credit note can find its sales order. Every write needs an
 * Idempotency-Key: a retry with the same key and body gets the first answer again, marked
 * replayed; the same key with another body is refused.
 */

const REMEMBERED = 10_000;

export interface ErpAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

interface Stored {
  bodyHash: string;
  status: number;
  body: unknown;
}

const answers = new BoundedCache<string, Stored>(REMEMBERED);
const salesOrders = new BoundedCache<string, string>(REMEMBERED);
let counter = 0;

type Write = (body: Record<string, unknown>) => Result<{ status: number; body: unknown }>;

const WRITES: Record<string, Write> = {
  "api/v2/customers/upsert": (body) => {
    const problem = missingText(body, ["customerNumber", "name", "email"]);
    if (problem) return fail("invalid", problem);
    return ok({ status: 200, body: { customerNumber: body.customerNumber } });
  },
  "api/v2/sales-orders": (body) => {
    const problem = missingText(body, ["documentType", "externalReference", "customerNumber", "currency"]) ?? badLines(body, ["itemNumber", "taxCode"], "unitPrice");
    if (problem) return fail("invalid", problem);
    const number = `SO-${++counter}`;
    salesOrders.set(String(body.externalReference), number);
    return ok({ status: 201, body: { salesOrderNumber: number, externalReference: body.externalReference } });
  },
  "api/v2/credit-notes": (body) => {
    const problem = missingText(body, ["externalReference", "salesOrderReference", "customerNumber", "currency"]) ?? badLines(body, ["itemNumber"], "amount");
    if (problem) return fail("invalid", problem);
    const salesOrder = salesOrders.get(String(body.salesOrderReference));
    if (!salesOrder) return fail("not_found", `There is no sales order ${excerpt(body.salesOrderReference)} in the ERP yet.`);
    return ok({ status: 201, body: { creditNoteNumber: `CN-${++counter}`, salesOrderNumber: salesOrder } });
  },
};

/** POST /sample-api/erp/<path> with its Idempotency-Key and JSON body. */
export function writeToSampleErp(path: string, idempotencyKey: string | null, body: unknown): Result<ErpAnswer> {
  const write = WRITES[path];
  if (!write) return fail("not_found", "The sample ERP has no such endpoint: it takes POST api/v2/customers/upsert, api/v2/sales-orders and api/v2/credit-notes.");
  const key = idempotencyKey?.trim();
  if (!key || key.length > 200) return fail("invalid", "Send an Idempotency-Key header (up to 200 characters) with every write.");
  if (body === null || typeof body !== "object" || Array.isArray(body)) return fail("invalid", "Send the record as a JSON object.");
  const bodyHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const scope = `${path}\u0000${key}`;
  const earlier = answers.get(scope);
  if (earlier) {
    if (earlier.bodyHash !== bodyHash) return fail("conflict", "This Idempotency-Key was used with another body; use a new key for another record.");
    return ok({ status: earlier.status, body: earlier.body, replayed: true });
  }
  const written = write(body as Record<string, unknown>);
  if (!written.ok) return written;
  answers.set(scope, { bodyHash, ...written.value });
  return ok({ ...written.value, replayed: false });
}

function missingText(body: Record<string, unknown>, fields: string[]): string | undefined {
  const missing = fields.filter((field) => typeof body[field] !== "string" || body[field] === "");
  return missing.length > 0 ? `Missing or not text: ${missing.join(", ")}.` : undefined;
}

function badLines(body: Record<string, unknown>, textFields: string[], amountField: string): string | undefined {
  const lines = body.lines;
  if (!Array.isArray(lines) || lines.length === 0) return "A document needs at least one line.";
  for (const [index, line] of lines.entries()) {
    const record = (line ?? {}) as Record<string, unknown>;
    const problem = missingText(record, textFields);
    if (problem) return `Line ${index + 1}: ${problem}`;
    if (typeof record.quantity !== "number" || typeof record[amountField] !== "number" || !Number.isFinite(record[amountField])) {
      return `Line ${index + 1}: quantity and ${amountField} must be numbers.`;
    }
  }
  return undefined;
}

function excerpt(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
