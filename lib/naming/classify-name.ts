import type { NameForm } from "./conventions";
import { parseName } from "./parse-name";

/** The one form a (trimmed) name follows, or null when it follows none. */
export function classifyName(name: string): NameForm | null {
  return parseName(name)?.form ?? null;
}
