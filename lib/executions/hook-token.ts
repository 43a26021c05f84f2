import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new HTTP trigger token: 32 random bytes, with a prefix that says what it is when it leaks. */
export function newHookToken(): string {
  return `dlh_${randomBytes(32).toString("base64url")}`;
}

export function hashHookToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function hookTokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  return timingSafeEqual(Buffer.from(hashHookToken(token), "hex"), Buffer.from(storedHash, "hex"));
}
