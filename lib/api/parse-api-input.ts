import type { z } from "zod";
import { isJsonContentType } from "@/lib/http/is-json-content-type";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";

/**
 * Messages for the issues a schema did not word itself (a missing or mistyped field), naming the
 * field as the request spells it, instead of zod's "Invalid input: expected string…".
 */
function apiIssueMessage(issue: z.core.$ZodRawIssue): string {
  const name = issue.path && issue.path.length > 0 ? `\`${issue.path.join(".")}\`` : "The value";
  if (issue.code === "invalid_type") {
    return issue.input === undefined ? `Send ${name}.` : `${name} must be ${issue.expected === "object" ? "an object" : `a ${issue.expected}`}.`;
  }
  if (issue.code === "invalid_value") return `${name} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}.`;
  if (issue.code === "unrecognized_keys") return `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.join(", ")}.`;
  return `${name} is not valid.`;
}

/**
 * The query string as an object for the operation's schema: each parameter once (the first),
 * so a schema sees strings, as OpenAPI describes them. No schema: no parameters expected.
 */
export function parseApiQuery<Schema extends z.ZodType>(schema: Schema | undefined, params: URLSearchParams): Result<z.output<Schema>> {
  if (!schema) return ok(undefined as z.output<Schema>);
  const values: Record<string, string> = {};
  for (const [name, value] of params) values[name] ??= value;
  const parsed = schema.safeParse(values, { error: apiIssueMessage });
  return parsed.success ? ok(parsed.data) : invalidInput(parsed.error, "The query is not valid.");
}

/** The JSON body, parsed by the operation's schema; an operation without one takes no body. */
export function parseApiBody<Schema extends z.ZodType>(schema: Schema | undefined, text: string, contentType: string | null): Result<z.output<Schema>> {
  if (!schema) {
    return text.trim() === "" ? ok(undefined as z.output<Schema>) : fail("invalid", "This call takes no request body.");
  }
  if (!isJsonContentType(contentType)) return fail("invalid", "Send the request body as JSON, with Content-Type: application/json.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail("invalid", "The request body is not valid JSON.");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return fail("invalid", "Send the request body as a JSON object.");
  const parsed = schema.safeParse(json, { error: apiIssueMessage });
  return parsed.success ? ok(parsed.data) : invalidInput(parsed.error, "The request body is not valid.");
}
