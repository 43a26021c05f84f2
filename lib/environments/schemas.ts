import { z } from "zod";
import { hasInvisibleCharacter, hasLoneSurrogate, invisibleCharacterMessage } from "@/lib/text-checks";

export const MAX_SETTING_KEY_LENGTH = 100;
export const MAX_SETTING_VALUE_LENGTH = 10_000;
export const SETTING_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Shared by the settings form and the server, which re-checks everything. Keys are case-sensitive. */
export const settingKeySchema = z
  .string({ error: "The key must be text." })
  .transform((key) => key.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a key.")
      .max(MAX_SETTING_KEY_LENGTH, `Keys are at most ${MAX_SETTING_KEY_LENGTH} characters.`)
      // Before the pattern, which refuses these too, so the message says what is wrong.
      .refine((key) => !hasInvisibleCharacter(key), invisibleCharacterMessage("The key"))
      .regex(
        SETTING_KEY_PATTERN,
        "A key starts with a letter or _ and holds only letters, digits, _, . and - (for example ERP_API_TOKEN).",
      ),
  );

/** Values are kept exactly as typed (no trimming): whitespace can matter in a credential. */
export const settingValueSchema = z
  .string({ error: "The value must be text." })
  .max(MAX_SETTING_VALUE_LENGTH, `Values are at most ${MAX_SETTING_VALUE_LENGTH.toLocaleString("en")} characters.`)
  .refine((value) => !value.includes("\u0000"), "The value contains a NUL character, which cannot be stored.")
  .refine((value) => !hasLoneSurrogate(value), "The value contains an invalid character.");

export const environmentSettingInputSchema = z.object({
  key: settingKeySchema,
  value: settingValueSchema,
  isSecret: z.boolean({ error: "Say whether the value is a secret." }).default(false),
});

export type EnvironmentSettingInput = z.input<typeof environmentSettingInputSchema>;

/** The settings revision an edit was made on (stale edits are refused), and why, kept with the revision. */
export const settingsEditContextSchema = z.object({
  baseRevision: z.number({ error: "The settings revision must be a number." }).int().min(0).optional(),
  note: z.string({ error: "The note must be text." }).max(2000, "The note can be at most 2,000 characters.").optional(),
});
