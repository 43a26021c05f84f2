import type { Auth } from "@/lib/auth/create-auth";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ok, type Result } from "@/lib/result";
import { twoFactorRefusal } from "./auth-failure";

/** Turns two-factor sign-in on once the first code from the person's app checks out, and logs it. */
export async function confirmTwoFactor(db: PrismaClient, auth: Auth, request: { actor: Actor; code: string; headers: Headers }): Promise<Result<null>> {
  try {
    await auth.api.verifyTOTP({ body: { code: request.code }, headers: request.headers });
  } catch (error) {
    return twoFactorRefusal(error);
  }
  await db.$transaction((tx) => recordEvent(tx, { projectId: null, actor: request.actor, kind: "two_factor.enabled", summary: { userId: request.actor.id } }));
  return ok(null);
}
