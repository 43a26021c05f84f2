import { isAPIError } from "better-auth/api";
import { fail, type DomainError } from "@/lib/result";

/** Better Auth's refusals of a two-factor step, in words for the person; anything else is thrown on. */
export function twoFactorRefusal(error: unknown): { ok: false; error: DomainError } {
  if (!isAPIError(error)) throw error;
  const code = (error.body as { code?: string } | undefined)?.code;
  if (code === "INVALID_PASSWORD") return fail("invalid", "The password is wrong.", { password: "The password is wrong." });
  if (code === "INVALID_CODE") return fail("invalid", "That code is not the one your app shows now. Enter the current 6-digit code.", { code: "That code is not the current one." });
  if (code === "TOTP_ALREADY_ENABLED") return fail("conflict", "Two-factor sign-in is already on for your account.");
  if (code === "TOTP_NOT_ENABLED") return fail("conflict", "Start again: enter your password to get a new code to scan.");
  if (error.statusCode === 401) return fail("unauthenticated", "Sign in to continue.");
  return fail("invalid", error.message || "Two-factor sign-in could not be changed.");
}
