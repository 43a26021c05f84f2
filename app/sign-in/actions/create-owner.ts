"use server";

import { accountAction } from "@/app/_entry/account-action";
import { startSession } from "@/app/_entry/start-session";
import { createOwner } from "@/lib/auth/create-owner";
import { newAccountSchema } from "@/lib/auth/schemas";
import { ok } from "@/lib/result";

/** First start: the owner account, then signed in as it. */
export const createOwnerAction = accountAction(newAccountSchema, async (db, account) => {
  const owner = await createOwner(db, account);
  if (!owner.ok) return owner;
  await startSession(account.email, account.password);
  return ok({ name: owner.value.name });
});
