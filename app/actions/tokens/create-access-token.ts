"use server";

import { signedInAction } from "@/app/_entry/signed-in-action";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createTokenInputSchema } from "@/lib/tokens/schemas";

/** Makes a personal access token for the signed-in person; the answer holds the token, this once. */
export const createAccessTokenAction = signedInAction(createTokenInputSchema, ({ db, user }, input) => createAccessToken(db, user, input));
