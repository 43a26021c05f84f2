import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { reportUnexpected } from "./report-unexpected";

/**
 * The entry for server actions outside any project (creating the owner, joining through an
 * invite): input checked as unknown and parsed by `schema`, expected failures passed on with
 * their codes, anything thrown logged with a reference and answered as `unexpected`.
 */
export function accountAction<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (db: PrismaClient, input: z.output<Schema>) => Promise<Result<T>>,
): (input: z.input<Schema>) => Promise<Result<T>> {
  return async (input: unknown) => {
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return invalidInput(parsed.error, "The form was not understood; reload the page and try again.");
      return await run(await getDb(), parsed.data);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: reportUnexpected(error, "a server action") };
    }
  };
}
