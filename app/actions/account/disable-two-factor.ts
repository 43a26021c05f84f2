"use server";

import { headers } from "next/headers";
import { signedInAction } from "@/app/_entry/signed-in-action";
import { getAuth } from "@/lib/auth/server";
import { disableTwoFactor } from "@/lib/auth/two-factor/disable-two-factor";
import { confirmPasswordSchema } from "@/lib/auth/two-factor/schemas";

/** Account page: the password confirmed, two-factor sign-in off (the session is renewed: the page reloads after). */
export const disableTwoFactorAction = signedInAction(confirmPasswordSchema, async ({ db, user }, input) =>
  disableTwoFactor(db, await getAuth(), { actor: { id: user.id, name: user.name }, password: input.password, headers: await headers() }),
);
