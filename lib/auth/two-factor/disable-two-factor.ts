import type { Auth } from "@/lib/auth/create-auth";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ok, type Result } from "@/lib/result";
import { twoFactorRefusal } from "./auth-failure";

/** Turns two-factor sign-in off after the password is confirmed (its secret and backup codes are deleted), and logs it. */
export async function disableTwoFactor(db: PrismaClient, auth: Auth, request: { actor: Actor; password: string; headers: Headers }): Promise<Result<null>> {
  try {
    await auth.api.disableTwoFactor({ body: { password: request.password }, headers: request.headers });
  } catch (error) {
    return twoFactorRefusal(error);
  }
  await db.$transaction((tx) => recordEvent(tx, { projectId: null, actor: request.actor, kind: "two_factor.disabled", summary: { userId: request.actor.id } }));
  return ok(null);
}
