import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { idSchema } from "@/lib/ids";
import { hasControlCharacter, hasInvisibleCharacter, hasLoneSurrogate } from "@/lib/text-checks";

export const MAX_EMAIL_LENGTH = 254;

const EMAIL_MESSAGE = "Enter an email address, such as ada@example.com.";

/** An email address as people type it: trimmed and lower-cased, so one person is one address. */
export const emailSchema = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .toLowerCase()
  .min(1, "Enter the email address of the person to invite.")
  .max(MAX_EMAIL_LENGTH, `An email address has at most ${MAX_EMAIL_LENGTH} characters.`)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, EMAIL_MESSAGE)
  .refine((email) => !hasControlCharacter(email) && !hasLoneSurrogate(email) && !hasInvisibleCharacter(email), EMAIL_MESSAGE);

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

/** User ids are Better Auth's (letters and digits) or UUIDs; anything else names nobody. */
const userIdSchema = z.string({ error: "Choose a member." }).regex(/^[A-Za-z0-9_-]{1,100}$/, "Choose a member.");

/** Shared by the Invite member dialog and its server action. */
export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const removeMemberSchema = z.object({ userId: userIdSchema });

export const revokeInviteSchema = z.object({ inviteId: idSchema });
