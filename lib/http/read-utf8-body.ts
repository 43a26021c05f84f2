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

/**
 * A request body's bytes, read until `maxBytes` and no further: a body without a length (or
 * lying about it) is refused as soon as it grows past the limit, never held in memory whole.
 */
export async function readBodyUpTo(request: Request, maxBytes: number, tooLarge: string): Promise<Result<Uint8Array>> {
  if (Number(request.headers.get("content-length")) > maxBytes) return fail("too_large", tooLarge);
  if (!request.body) return ok(new Uint8Array());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return fail("too_large", tooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return ok(bytes);
}

/** Strict UTF-8 decoding: an `invalid` failure instead of replacement characters. */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail("invalid", NOT_UTF8_MESSAGE);
  }
}
