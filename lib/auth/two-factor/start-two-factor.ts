import { renderSVG } from "uqr";
import type { Auth } from "@/lib/auth/create-auth";
import { ok, type Result } from "@/lib/result";
import { twoFactorRefusal } from "./auth-failure";

export interface TwoFactorSetup {
  /** The secret as an authenticator app's QR code, an SVG drawn on the server. */
  qrSvg: string;
  /** The same secret for typing into the app by hand (base32). */
  secret: string;
  totpUri: string;
  /** Shown once, after the first code is verified. */
  backupCodes: string[];
}

/**
 * First step of turning on two-factor sign-in: the password confirmed, a new secret made (not
 * yet in force: signing in asks for codes only once `confirmTwoFactor` saw one).
 */
export async function startTwoFactor(auth: Auth, request: { password: string; headers: Headers }): Promise<Result<TwoFactorSetup>> {
  let totpUri = "";
  let backupCodes: string[] = [];
  try {
    const answer = await auth.api.enableTwoFactor({ body: { password: request.password, method: "totp" }, headers: request.headers });
    if (answer.method === "totp") ({ totpURI: totpUri, backupCodes } = answer);
  } catch (error) {
    return twoFactorRefusal(error);
  }
  const secret = new URL(totpUri).searchParams.get("secret") ?? "";
  return ok({ qrSvg: renderSVG(totpUri, { border: 2 }), secret, totpUri, backupCodes });
}
