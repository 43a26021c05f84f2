import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/validation";

const NOT_UNDERSTOOD = "The request was not understood; reload the page and try again.";

/** An action's input checked by its schema: a form's mistakes per field, a broken client as a whole. */
export function parseActionInput<Schema extends z.ZodType>(schema: Schema, input: unknown): Result<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  // Input of the wrong type as a whole (not an object at all) is a broken client, not a form to correct.
  const [first] = parsed.error.issues;
  const message = !first || (first.path.length === 0 && first.code === "invalid_type") ? NOT_UNDERSTOOD : first.message;
  const fields = fieldErrors(parsed.error);
  return fail("invalid", message, Object.keys(fields).length > 0 ? fields : undefined);
}
