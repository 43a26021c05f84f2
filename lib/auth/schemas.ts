import { z } from "zod";
import { hasControlCharacter, hasLoneSurrogate } from "@/lib/text-checks";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits";

/** A person's name as shown on what they make: 1–100 characters of plain text. */
export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "A name has at most 100 characters.")
  .refine((name) => !hasControlCharacter(name) && !hasLoneSurrogate(name), "A name cannot hold control characters.");

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address such as ada@example.com."))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);

export const newAccountSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });
export type NewAccount = z.output<typeof newAccountSchema>;
