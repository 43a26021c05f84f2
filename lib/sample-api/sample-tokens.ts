import { timingSafeEqual } from "node:crypto";
import { fail, ok, type Result } from "@/lib/result";

/**
 * The tokens the sample project's development and staging hold as secrets, and the only ones the
 * stub shop and ERP under /sample-api accept. Not secret at all: the stubs hold nothing but fake
 * data, and a token is checked only so the sample exercises secrets end to end.
 */
export const SAMPLE_SHOP_TOKEN = "sample-shop-token";
export const SAMPLE_ERP_TOKEN = "sample-erp-token";

/** The request carries `Authorization: Bearer <expected>`. */
export function checkSampleToken(headers: Headers, expected: string, system: string): Result<void> {
  const given = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (!given) return fail("unauthenticated", `Send the sample ${system}'s token as Authorization: Bearer <token>.`);
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return fail("unauthenticated", `That is not the sample ${system}'s token.`);
  return ok(undefined);
}
