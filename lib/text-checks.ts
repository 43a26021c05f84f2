// Checks shared by every schema that takes text from outside: paths, names, descriptions,
// file contents and settings.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** True when text holds half a UTF-16 surrogate pair, which UTF-8 (and so PostgreSQL text) cannot encode. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when text holds a C0 or C1 control character (NUL, tab, newline…), which names and paths may not. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}
