import { getAuth } from "@/lib/auth/server";

/** Better Auth's endpoints (sign-in, sign-out, session, second factor) under /api/auth. */
async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
