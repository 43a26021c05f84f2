import { fail, ok, type Result } from "@/lib/result";
import { MAX_PATH_LENGTH } from "./limits";
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate, invisibleCharacterMessage } from "@/lib/text-checks";

const FORBIDDEN_SYMBOL = /[\\:*?"<>|]/;

/**
 * Normalises a file or folder path typed by a user (trims, drops a leading "./" and
 * trailing "/") and refuses anything that could escape the project or confuse tools.
 */
export function validatePath(input: unknown, what: "file" | "folder" = "file"): Result<string> {
  if (typeof input !== "string") return fail("invalid", `The ${what} path must be text.`);
  const path = input.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  if (path === "") return fail("invalid", `Enter a ${what} path.`);
  if (path.length > MAX_PATH_LENGTH) {
    return fail("invalid", `The ${what} path is ${path.length} characters long; the limit is ${MAX_PATH_LENGTH}.`);
  }
  if (hasControlCharacter(path)) return fail("invalid", `The ${what} path contains a control character.`);
  if (hasLoneSurrogate(path)) return fail("invalid", `The ${what} path contains an invalid character (a lone UTF-16 surrogate).`);
  if (hasInvisibleCharacter(path)) return fail("invalid", invisibleCharacterMessage(`The ${what} path`));
  if (path.startsWith("/")) return fail("invalid", `Use a path relative to the project, without a leading "/".`);
  if (FORBIDDEN_SYMBOL.test(path)) {
    return fail("invalid", `The ${what} path may not contain any of \\ : * ? " < > |`);
  }
  for (const segment of path.split("/")) {
    if (segment === "") return fail("invalid", `The ${what} path has an empty folder name ("//").`);
    if (segment === "." || segment === "..") {
      return fail("invalid", `The ${what} path may not contain "." or ".." as a folder name.`);
    }
    if (segment !== segment.trim()) {
      return fail("invalid", `A name in the ${what} path starts or ends with a space.`);
    }
  }
  return ok(path);
}
