import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { requiredApprovalsSchema } from "@/lib/requests/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { lockEnvironment } from "./lock-environment";

/**
 * Sets how many approvals a change of the environment's active version needs (0 unprotects
 * it), recording the rule before and after in the activity log.
 */
export async function setRequiredApprovals(
  db: PrismaClient,
  request: { projectId: string; environmentId: string; requiredApprovals: number; actor: Actor },
): Promise<Result<{ requiredApprovals: number }>> {
  const parsed = requiredApprovalsSchema.safeParse(request.requiredApprovals);
  if (!parsed.success) return invalidInput(parsed.error, "Enter how many approvals are needed.");
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    const before = environment.requiredApprovals;
    const after = parsed.data;
    if (before === after) return ok({ requiredApprovals: after });
    await tx.environment.update({ where: { id: environment.id }, data: { requiredApprovals: after } });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: request.actor,
      kind: "environment.protection_changed",
      summary: { environment: environment.name, before: { requiredApprovals: before }, after: { requiredApprovals: after } },
    });
    return ok({ requiredApprovals: after });
  });
}
