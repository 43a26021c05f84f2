"use server";

import { headers } from "next/headers";
import { signedInAction } from "@/app/_entry/signed-in-action";
import { getAuth } from "@/lib/auth/server";
import { confirmTwoFactor } from "@/lib/auth/two-factor/confirm-two-factor";
import { codeSchema } from "@/lib/auth/two-factor/schemas";

/** Account page: the first code from the app turns two-factor sign-in on (the session is renewed: the page reloads after). */
export const confirmTwoFactorAction = signedInAction(codeSchema, async ({ db, user }, input) =>
  confirmTwoFactor(db, await getAuth(), { actor: { id: user.id, name: user.name }, code: input.code, headers: await headers() }),
);
