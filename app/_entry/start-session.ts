import "server-only";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/server";

/**
 * Signs the person in on this server action's response (the cookie set through nextCookies),
 * right after the app made their account: through Better Auth's own sign-in, so the session and
 * its `sign_in` event are made as for any other sign-in.
 */
export async function startSession(email: string, password: string): Promise<void> {
  await (await getAuth()).api.signInEmail({ body: { email, password }, headers: await headers() });
}
