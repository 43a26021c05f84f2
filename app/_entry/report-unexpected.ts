import "server-only";
import { randomBytes } from "node:crypto";
import type { DomainError } from "@/lib/result";

/**
 * A failure nobody planned for (a bug, the database gone): logged in full on the server under a
 * short reference, answered with only that reference, so the person can quote it and the
 * answer leaks nothing of the cause.
 */
export function reportUnexpected(error: unknown, where: string): DomainError {
  const ref = randomBytes(4).toString("hex");
  console.error(`Unexpected failure in ${where} (ref ${ref}):`, error);
  return { code: "unexpected", message: `Something went wrong (ref ${ref}).`, ref };
}
