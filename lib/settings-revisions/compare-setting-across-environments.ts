import type { Db } from "@/lib/db/client";
import { settingContext } from "@/lib/environments/setting-context";
import { settingKeySchema } from "@/lib/environments/schemas";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { decryptSecret, SecretDecryptionError } from "@/lib/secrets/decrypt-secret";

export type KeyInEnvironment =
  | { environment: { id: string; name: string }; present: false }
  | {
      environment: { id: string; name: string };
      present: true;
      secret: boolean;
      /** Plain values only. */
      value?: string;
      /**
       * Environments with the same value share a group (1, 2…, in the project's order), so a
       * secret can be said to be "same" or "different" without being shown. Null when a
       * secret cannot be decrypted with the current key.
       */
      group: number | null;
    };

/** One key's current setting in every environment of the project; secrets compared, never shown. */
export async function compareSettingAcrossEnvironments(db: Db, request: { projectId: string; key: string }): Promise<Result<{ key: string; environments: KeyInEnvironment[] }>> {
  if (!isId(request.projectId)) return fail("not_found", "This project does not exist.");
  const parsed = settingKeySchema.safeParse(request.key);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "Name a setting key, for example ERP_API_TOKEN.");
  const key = parsed.data;
  const environments = await db.environment.findMany({
    where: { projectId: request.projectId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, settings: { where: { key }, select: { isSecret: true, value: true, encryptedValue: true } } },
  });
  const groups = new Map<string, number>();
  const rows: KeyInEnvironment[] = environments.map(({ id, name, settings }) => {
    const environment = { id, name };
    const setting = settings[0];
    if (!setting) return { environment, present: false };
    let plaintext: string | null = setting.value ?? "";
    if (setting.isSecret) {
      try {
        plaintext = decryptSecret(setting.encryptedValue ?? "", settingContext(id, key));
      } catch (error) {
        if (!(error instanceof SecretDecryptionError)) throw error;
        plaintext = null;
      }
    }
    let group: number | null = null;
    if (plaintext !== null) {
      group = groups.get(plaintext) ?? groups.size + 1;
      groups.set(plaintext, group);
    }
    return setting.isSecret ? { environment, present: true, secret: true, group } : { environment, present: true, secret: false, value: plaintext ?? "", group };
  });
  return ok({ key, environments: rows });
}
