import { decryptSecret, SecretDecryptionError } from "@/lib/secrets/decrypt-secret";
import { maskSecret, SECRET_MASK } from "@/lib/secrets/mask-secret";
import { settingContext } from "./setting-context";

/**
 * A setting as it may be shown in the browser. A secret's value is never included: only a
 * mask (`••••••1234`), and `readable: false` when the current key cannot decrypt it.
 * `maskedValue` is for display only; never send it back as a value.
 */
export type EnvironmentSettingView =
  | { key: string; isSecret: false; value: string; updatedAt: Date }
  | { key: string; isSecret: true; maskedValue: string; readable: boolean; updatedAt: Date };

export const environmentSettingSelect = {
  environmentId: true,
  key: true,
  isSecret: true,
  value: true,
  encryptedValue: true,
  updatedAt: true,
} as const;

interface SettingRow {
  environmentId: string;
  key: string;
  isSecret: boolean;
  value: string | null;
  encryptedValue: string | null;
  updatedAt: Date;
}

export function toEnvironmentSettingView(row: SettingRow): EnvironmentSettingView {
  if (!row.isSecret) return { key: row.key, isSecret: false, value: row.value ?? "", updatedAt: row.updatedAt };
  try {
    const plaintext = decryptSecret(row.encryptedValue ?? "", settingContext(row.environmentId, row.key));
    return { key: row.key, isSecret: true, maskedValue: maskSecret(plaintext), readable: true, updatedAt: row.updatedAt };
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    return { key: row.key, isSecret: true, maskedValue: SECRET_MASK, readable: false, updatedAt: row.updatedAt };
  }
}
