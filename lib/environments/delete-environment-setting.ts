import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { fail, ok, type Result } from "@/lib/result";
import { lockEnvironment } from "./lock-environment";

export interface DeleteEnvironmentSettingRequest {
  projectId: string;
  environmentId: string;
  key: string;
}

export async function deleteEnvironmentSetting(
  db: PrismaClient,
  request: DeleteEnvironmentSettingRequest,
): Promise<Result<{ key: string }>> {
  const key = typeof request.key === "string" ? request.key.trim() : "";
  if (key === "") return fail("invalid", "Enter the key of the setting to delete.");
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return fail("not_found", "This environment does not exist in this project.");
    const deleted = await tx.environmentSetting.deleteMany({ where: { environmentId: environment.id, key } });
    if (deleted.count === 0) return fail("not_found", `${environment.name} has no setting named ${key}.`);
    return ok({ key });
  });
}
