"use server";

import { z } from "zod";
import { accountAction } from "@/app/_entry/account-action";
import { startSession } from "@/app/_entry/start-session";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { joinAsUser, joinWithNewAccount } from "@/lib/auth/join-with-invite";
import { passwordSchema, personNameSchema } from "@/lib/auth/schemas";
import { fail, ok } from "@/lib/result";
import { SIGN_IN_MESSAGE } from "@/lib/http/sign-in-gate";

const tokenSchema = z.string({ error: "This invite link is not valid." }).max(200, "This invite link is not valid.");

/** Someone new joins: their account (for the invite's email) and the membership, then signed in. */
export const joinWithNewAccountAction = accountAction(
  z.object({ token: tokenSchema, name: personNameSchema, password: passwordSchema }),
  async (db, input) => {
    const joined = await joinWithNewAccount(db, input);
    if (!joined.ok) return joined;
    await startSession(joined.value.user.email, input.password);
    return ok({ slug: joined.value.project.slug });
  },
);

/** The signed-in person takes up an invite made for their email. */
export const joinAsSignedInAction = accountAction(z.object({ token: tokenSchema }), async (db, input) => {
  const user = await getSignedInUser();
  if (!user) return fail("unauthenticated", SIGN_IN_MESSAGE);
  const joined = await joinAsUser(db, { token: input.token, user });
  return joined.ok ? ok({ slug: joined.value.project.slug }) : joined;
});
