import { z } from "zod";
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate, invisibleCharacterMessage } from "@/lib/text-checks";

/** Lowercase letters and digits in dash-separated words: safe in a URL, and all a project slug can be. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MAX_SLUG_LENGTH = 100;

export const SLUG_MESSAGE = `The project slug must be at most ${MAX_SLUG_LENGTH} lowercase letters, digits and dashes.`;

/**
 * A project slug as it arrives from a URL or an action. Anything else names no project, and
 * checking first keeps strings PostgreSQL cannot hold (NUL, lone surrogates) out of queries.
 */
export const slugSchema = z.string({ error: SLUG_MESSAGE }).max(MAX_SLUG_LENGTH, SLUG_MESSAGE).regex(SLUG_PATTERN, SLUG_MESSAGE);

/** True when `value` can be a project slug; a lookup answers not_found for anything else. */
export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export const MAX_PROJECT_NAME_LENGTH = 100;

const NAME_LENGTH_MESSAGE = `The project name must be 1 to ${MAX_PROJECT_NAME_LENGTH} characters.`;

/** A project's display name, trimmed. */
export const projectNameSchema = z
  .string({ error: "The project name must be text." })
  .transform((name) => name.trim())
  .pipe(
    z
      .string()
      .min(1, NAME_LENGTH_MESSAGE)
      .max(MAX_PROJECT_NAME_LENGTH, NAME_LENGTH_MESSAGE)
      .refine((name) => !hasControlCharacter(name), "The project name contains a control character.")
      .refine((name) => !hasLoneSurrogate(name), "The project name contains an invalid character.")
      .refine((name) => !hasInvisibleCharacter(name), invisibleCharacterMessage("The project name")),
  );

export const PROJECT_TEMPLATES = ["empty", "sample"] as const;
export type ProjectTemplate = (typeof PROJECT_TEMPLATES)[number];

/** The New project dialog and its action: a name, and whether to start empty or from the sample. */
export const newProjectSchema = z.object({
  name: z.string({ error: "Enter a project name." }),
  template: z.enum(PROJECT_TEMPLATES, { error: "Choose how the project starts." }),
});
