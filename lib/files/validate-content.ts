import { fail, ok, type Result } from "@/lib/result";
import { byteLength } from "./hash-content";
import { MAX_FILE_BYTES } from "./limits";
import { hasLoneSurrogate } from "@/lib/text-checks";

/** File contents are UTF-8 text up to 1 MB; PostgreSQL text cannot hold NUL bytes. */
export function validateContent(content: unknown): Result<string> {
  if (typeof content !== "string") return fail("invalid", "File content must be text.");
  const bytes = byteLength(content);
  if (bytes > MAX_FILE_BYTES) {
    return fail(
      "too_large",
      `The file is ${formatBytes(bytes)} (${bytes.toLocaleString("en")} bytes); the limit is ${formatBytes(MAX_FILE_BYTES)}.`,
    );
  }
  if (content.includes("\u0000")) return fail("invalid", "The file contains a NUL character; only text files are supported.");
  if (hasLoneSurrogate(content)) return fail("invalid", "The file contains an invalid character (a lone UTF-16 surrogate).");
  return ok(content);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
