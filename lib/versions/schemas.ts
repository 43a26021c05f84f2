import { z } from "zod";
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate, invisibleCharacterMessage } from "@/lib/text-checks";

export const MAX_VERSION_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** Shared by the Create version form and the server, which re-checks everything. */
export const versionNameSchema = z
  .string({ error: "The name must be text." })
  .transform((name) => name.trim())
  .pipe(
    z
      .string()
      .min(1, "Enter a name for the version.")
      .max(MAX_VERSION_NAME_LENGTH, `Names are at most ${MAX_VERSION_NAME_LENGTH} characters.`)
      .refine((name) => !hasControlCharacter(name), "The name contains a control character.")
      .refine((name) => !hasLoneSurrogate(name), "The name contains an invalid character.")
      .refine((name) => !hasInvisibleCharacter(name), invisibleCharacterMessage("The name")),
  );

export const versionDescriptionSchema = z
  .string({ error: "The description must be text." })
  .transform((description) => description.trim())
  .pipe(
    z
      .string()
      .max(MAX_DESCRIPTION_LENGTH, `Descriptions are at most ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters.`)
      .refine((description) => !description.includes("\u0000") && !hasLoneSurrogate(description), "The description contains an invalid character."),
  );

export const createVersionInputSchema = z.object({
  name: versionNameSchema,
  description: versionDescriptionSchema.default(""),
});

export type CreateVersionInput = z.input<typeof createVersionInputSchema>;

/** The refusal of a name another version holds; the Create version form shows the same while the user types. */
export function duplicateNameMessage(existingName: string): string {
  return `A version named ${existingName} already exists. Choose another name.`;
}

/** Names are unique in a project ignoring case (and Unicode normalisation form). */
export function versionNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
