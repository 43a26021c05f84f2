// Checks shared by every schema that takes text from outside: paths, names, descriptions,
// file contents and settings.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional embeddings/overrides and isolates, zero-width space/joiners, word joiner, BOM.
const INVISIBLE_CHARACTER = /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/;

/** True when text holds half a UTF-16 surrogate pair, which UTF-8 (and so PostgreSQL text) cannot encode. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when text holds a C0 or C1 control character (NUL, tab, newline…), which names and paths may not. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * True when text holds a character that is invisible or reorders what is shown around it
 * (bidirectional overrides and isolates, zero-width characters, BOM): in a name or a path it
 * makes `README\u200b.md` look like `README.md`. File contents and descriptions may hold them.
 */
export function hasInvisibleCharacter(text: string): boolean {
  return INVISIBLE_CHARACTER.test(text);
}

const EXCERPT_LENGTH = 60;

/**
 * Text from a request as a message may quote it: the first 60 characters and "…" when longer,
 * so a refusal never hands a caller's megabyte back.
 */
export function excerpt(text: string): string {
  const characters = Array.from(text);
  return characters.length <= EXCERPT_LENGTH ? text : `${characters.slice(0, EXCERPT_LENGTH).join("")}…`;
}

/** The refusal for hasInvisibleCharacter, naming what was refused: "The file path", "The key"… */
export function invisibleCharacterMessage(subject: string): string {
  return `${subject} contains an invisible or direction-changing character.`;
}
