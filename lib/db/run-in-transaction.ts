import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";

class FailedResult extends Error {
  constructor(readonly result: Result<never>) {
    super("The transaction's work returned a failure.");
  }
}

/**
 * Runs `work` in one transaction and rolls it back when `work` returns a failure, not only
 * when it throws: a step that fails after earlier steps wrote (a deployment refused after
 * its version was created) leaves nothing behind.
 */
export async function runInTransaction<T>(
  db: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.$transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new FailedResult(result);
      return result;
    });
  } catch (error) {
    if (error instanceof FailedResult) return error.result;
    throw error;
  }
}
