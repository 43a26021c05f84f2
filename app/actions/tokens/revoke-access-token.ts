"use server";

import { z } from "zod";
import { signedInAction } from "@/app/_entry/signed-in-action";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";

const schema = z.object({ tokenId: z.string({ error: "Name the token to revoke." }).max(100, "This id is not valid.") });

/** Revokes one of the signed-in person's tokens. */
export const revokeAccessTokenAction = signedInAction(schema, ({ db, user }, input) => revokeAccessToken(db, user, input.tokenId));
