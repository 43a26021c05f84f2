import { createHash, randomBytes } from "node:crypto";

/** Every token starts with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = "dl_";

/** A new token: the prefix and 32 random bytes, base64url (256 bits; nothing to guess). */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What the database keeps of a token: its SHA-256, hex. A fast hash suffices for 256 random bits. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The first characters of a token, shown in the list so people can tell tokens apart. */
export function tokenHint(token: string): string {
  return `${token.slice(0, TOKEN_PREFIX.length + 4)}…`;
}
