import { z } from "zod";
import { idSchema } from "@/lib/ids";

export const MAX_TOKEN_NAME_LENGTH = 100;

/** How long a new token lives, in days; the account page offers exactly these. */
export const TOKEN_LIFETIMES = [7, 30, 90, 365] as const;

export const tokenNameSchema = z
  .string({ error: "Name the token." })
  .trim()
  .min(1, "Name the token, for example after the script that uses it.")
  .max(MAX_TOKEN_NAME_LENGTH, `A token's name is at most ${MAX_TOKEN_NAME_LENGTH} characters.`)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "A token's name cannot contain control characters.");

export const createTokenInputSchema = z.object({
  name: tokenNameSchema,
  /** The one project the token may act in, or null for every project of its owner. */
  projectId: idSchema.nullable(),
  expiresInDays: z.union(
    TOKEN_LIFETIMES.map((days) => z.literal(days)),
    { error: `Choose how long the token lives: ${TOKEN_LIFETIMES.join(", ")} days.` },
  ),
});

export type CreateTokenInput = z.output<typeof createTokenInputSchema>;
