import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { findSessionUser, type SessionUser } from "@/lib/auth/find-session-user";
import { getAuth } from "@/lib/auth/server";
import { getDb } from "@/lib/db/client";

export type SignedInUser = SessionUser;

/**
 * The person this request comes from, or null when nobody is signed in: the session cookie
 * checked against its row in the database (Better Auth), once per request.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return findSessionUser(await getDb(), session.user.id);
});
