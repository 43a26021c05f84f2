import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, type Result } from "@/lib/result";
import { parseActionInput } from "./parse-action-input";
import { reportUnexpected } from "./report-unexpected";
import { getSignedInUser, type SignedInUser } from "./signed-in-user";

export interface SignedInContext {
  db: PrismaClient;
  user: SignedInUser;
}

/**
 * The entry for server actions outside any project (starting a project): the signed-in person
 * resolved once (nobody signed in is `unauthenticated`), the input parsed by `schema`, and
 * anything thrown logged with a reference, as projectAction does for a project's actions.
 */
export function signedInAction<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (context: SignedInContext, input: z.output<Schema>) => Promise<Result<T>>,
): (input: z.input<Schema>) => Promise<Result<T>> {
  return async (input: unknown) => {
    try {
      const user = await getSignedInUser();
      if (!user) return fail("unauthenticated", "Sign in to continue.");
      const parsed = parseActionInput(schema, input);
      if (!parsed.ok) return parsed;
      return await run({ db: await getDb(), user }, parsed.value);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: reportUnexpected(error, "a server action") };
    }
  };
}
