import { randomUUID } from "node:crypto";
import { can, refusalMessage, type Role } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { hashSettingValue } from "@/lib/secrets/hash-setting-value";
import { environmentSettingSelect, toEnvironmentSettingView, type EnvironmentSettingView } from "./environment-setting-view";
import { staleSettingsRefusal } from "@/lib/settings-revisions/check-settings-base";
import { recordSettingsRevision } from "@/lib/settings-revisions/record-settings-revision";
import { environmentHashKeys } from "./environment-hash-keys";
import { lockEnvironment } from "./lock-environment";
import { environmentSettingInputSchema, type EnvironmentSettingInput } from "./schemas";
import { settingChangeSummary } from "./setting-change-summary";
import { settingContext } from "./setting-context";
import { excerpt } from "@/lib/text-checks";

export interface SetEnvironmentSettingRequest extends EnvironmentSettingInput {
  projectId: string;
  environmentId: string;
  /** `create` refuses a key that exists; `replace` refuses one that does not. */
  mode: "create" | "replace";
  actor: Actor;
  /** The acting member's role: a protected environment's settings need edit_protected_settings. Absent for the system. */
  role?: Role;
  /** The settings revision the edit was made on: refused as a conflict when the settings moved on since. */
  baseRevision?: number;
  /** Why, kept with the settings revision the change makes. */
  note?: string;
}

/** The saved setting, with a warning when saving it left something for the user to do. */
export type SetEnvironmentSettingOutcome = EnvironmentSettingView & { warning?: string; revision: number };

/**
 * Creates or replaces one setting of one environment. A secret is stored only encrypted;
 * every value also gets a keyed hash for deployment fingerprints. Other environments are
 * never touched. Records the new settings revision and writes a `settings.changed` event (see settingChangeSummary) in the same transaction.
 */
export async function setEnvironmentSetting(
  db: PrismaClient,
  request: SetEnvironmentSettingRequest,
): Promise<Result<SetEnvironmentSettingOutcome>> {
  const parsed = environmentSettingInputSchema.safeParse(request);
  if (!parsed.success) return invalidInput(parsed.error, "The setting is not valid.");
  const { key, value, isSecret } = parsed.data;
  if (request.mode !== "create" && request.mode !== "replace") return fail("invalid", "Choose whether to create or replace the setting.");
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;

  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    if (environment.requiredApprovals > 0 && request.role && !can(request.role, "edit_protected_settings")) {
      return fail("forbidden", refusalMessage("edit_protected_settings"));
    }
    const stale = staleSettingsRefusal(environment, request.baseRevision);
    if (stale) return stale;
    const existing = await tx.environmentSetting.findUnique({
      where: { environmentId_key: { environmentId: environment.id, key } },
      select: { id: true, isSecret: true, value: true },
    });
    if (request.mode === "create" && existing) {
      const message = `${environment.name} already has a setting named ${key}. Edit it instead.`;
      return fail("conflict", message, { key: message });
    }
    if (request.mode === "replace" && !existing) {
      return fail("not_found", `${environment.name} has no setting named ${excerpt(key)}.`);
    }

    const context = settingContext(environment.id, key);
    const data = {
      isSecret,
      value: isSecret ? null : value,
      encryptedValue: isSecret ? encryptSecret(value, context) : null,
      valueHash: hashSettingValue(value, context, await environmentHashKeys(tx, environment.id)),
      updatedAt: new Date(),
    };
    const row = existing
      ? await tx.environmentSetting.update({ where: { id: existing.id }, data, select: environmentSettingSelect })
      : await tx.environmentSetting.create({
          data: { id: randomUUID(), environmentId: environment.id, key, ...data },
          select: environmentSettingSelect,
        });
    // Encrypting from now on cannot reach the old plaintext in row history, WAL or backups.
    const wasInClear = existing !== null && !existing.isSecret && isSecret && (existing.value ?? "") !== "";
    const revision = await recordSettingsRevision(tx, { environment, actor: request.actor, note: request.note });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: request.actor,
      kind: "settings.changed",
      summary: { ...settingChangeSummary(environment.name, key, existing, { isSecret, value }), revision: revision.number },
    });
    const view = { ...toEnvironmentSettingView(row), revision: revision.number };
    return ok(wasInClear ? { ...view, warning: storedInClearWarning(key) } : view);
  });
}

function storedInClearWarning(key: string): string {
  return `The old value of ${key} was stored in clear and may remain in the database's history and backups: rotate it (issue a new credential and save that) if it was sensitive.`;
}
