"use server";

import { headers } from "next/headers";
import { signedInAction } from "@/app/_entry/signed-in-action";
import { getAuth } from "@/lib/auth/server";
import { confirmPasswordSchema } from "@/lib/auth/two-factor/schemas";
import { startTwoFactor } from "@/lib/auth/two-factor/start-two-factor";

/** Account page: the password confirmed, a new secret to scan (not in force until a code is verified). */
export const startTwoFactorAction = signedInAction(confirmPasswordSchema, async (_context, input) =>
  startTwoFactor(await getAuth(), { password: input.password, headers: await headers() }),
);
