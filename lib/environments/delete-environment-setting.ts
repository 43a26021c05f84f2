import { can, refusalMessage, type Role } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { lockEnvironment } from "./lock-environment";
import { settingChangeSummary } from "./setting-change-summary";
import { SETTING_KEY_PATTERN } from "./schemas";
import { excerpt } from "@/lib/text-checks";

export interface DeleteEnvironmentSettingRequest {
  projectId: string;
  environmentId: string;
  key: string;
  actor: Actor;
  /** The acting member's role: a protected environment's settings need edit_protected_settings. Absent for the system. */
  role?: Role;
}

/** Deletes one setting of one environment and writes its `settings.changed` event in the same transaction. */
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
    // The environment's lock keeps the setting as read here until it is deleted.
    const existing = await tx.environmentSetting.findUnique({
      where: { environmentId_key: { environmentId: environment.id, key } },
      select: { id: true, isSecret: true, value: true },
    });
    if (!existing) return unknownKey;
    await tx.environmentSetting.delete({ where: { id: existing.id } });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: request.actor,
      kind: "settings.changed",
      summary: settingChangeSummary(environment.name, key, existing, null),
    });
    return ok({ key });
  });
}
