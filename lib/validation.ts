import type { z } from "zod";
import { fail } from "@/lib/result";

/**
 * One message per field of a refused parse, the first zod gives for it: "Enter a key.", not
 * also "A key starts with a letter…". Forms show these next to their fields; an issue with the
 * input as a whole belongs to no field.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [field] = issue.path;
    if (typeof field === "string" || typeof field === "number") fields[String(field)] ??= issue.message;
  }
  return fields;
}

/** A refused parse as an `invalid` failure: its first message, and the message of each field. */
export function invalidInput(error: z.ZodError, fallback: string) {
  return fail("invalid", error.issues[0]?.message ?? fallback, fieldErrors(error));
}
