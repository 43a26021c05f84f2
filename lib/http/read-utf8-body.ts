import { fail, ok, type Result } from "@/lib/result";

export const NOT_UTF8_MESSAGE = "The file is not valid UTF-8 text.";

/**
 * A request body as text, refusing bytes that are not UTF-8: `request.text()` and
 * `request.json()` would replace them with U+FFFD and the file would be stored changed
 * without anyone noticing. A leading byte order mark is dropped, as `request.text()` does.
 */
export async function readUtf8Body(request: Request): Promise<Result<string>> {
  return decodeUtf8(new Uint8Array(await request.arrayBuffer()));
}

/** Strict UTF-8 decoding: an `invalid` failure instead of replacement characters. */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail("invalid", NOT_UTF8_MESSAGE);
  }
}
