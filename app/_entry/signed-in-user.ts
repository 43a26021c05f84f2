import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session-user";
import { getAuth } from "@/lib/auth/server";

export type SignedInUser = SessionUser;

/**
 * The person this request comes from, or null when nobody is signed in: the session cookie
 * checked against its row in the database (Better Auth), once per request.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await (await getAuth()).api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email, isOwner } = session.user;
  return { id, name, email, isOwner: isOwner === true };
});
