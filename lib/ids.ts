import { z } from "zod";

// Every row id is made by randomUUID() (or gen_random_uuid() in SQL).
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A row id as it arrives from a form, a URL or a JSON body. Anything else names no row, and
 * checking first keeps strings PostgreSQL cannot hold (NUL, lone surrogates) out of queries.
 */
export const idSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "The request names no record here; reload the page and try again." : "This id is not valid.") })
  .regex(ID_PATTERN, "This id is not valid.");

/** True when `value` can be a row id; a service answers not_found for anything else. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
