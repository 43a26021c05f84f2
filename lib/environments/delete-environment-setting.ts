import { can, refusalMessage, type Role } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { lockEnvironment } from "./lock-environment";
import { SETTING_KEY_PATTERN } from "./schemas";
import { excerpt } from "@/lib/text-checks";

export interface DeleteEnvironmentSettingRequest {
  projectId: string;
  environmentId: string;
  key: string;
  /** The acting member's role: a protected environment's settings need edit_protected_settings. Absent for the system. */
  role?: Role;
}

export async function deleteEnvironmentSetting(
  db: PrismaClient,
  request: DeleteEnvironmentSettingRequest,
): Promise<Result<{ key: string }>> {
  const key = typeof request.key === "string" ? request.key.trim() : "";
  if (key === "") return fail("invalid", "Enter the key of the setting to delete.");
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    if (environment.requiredApprovals > 0 && request.role && !can(request.role, "edit_protected_settings")) {
      return fail("forbidden", refusalMessage("edit_protected_settings"));
    }
    const unknownKey = fail("not_found", `${environment.name} has no setting named ${excerpt(key)}.`);
    // Every stored key matches the pattern; any other names no setting and stays out of the query.
    if (!SETTING_KEY_PATTERN.test(key)) return unknownKey;
    const deleted = await tx.environmentSetting.deleteMany({ where: { environmentId: environment.id, key } });
    if (deleted.count === 0) return unknownKey;
    return ok({ key });
  });
}
