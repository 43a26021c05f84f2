import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { noteSchema } from "@/lib/requests/schemas";

/** The deploy dialog's confirmation; a request without it is unconfirmed, and refused for production. */
export const confirmedSchema = z.boolean({ error: "Say whether the deployment is confirmed." }).default(false);

/** The requester's note to the approvers of a protected environment; ignored when none is needed. */
export const requestNoteSchema = noteSchema("The note").optional();

/** A whole rollback: also put the settings back as they were when the target version last ran there. */
export const restoreSettingsSchema = z.boolean({ error: "Say whether to restore the settings." }).optional();

/** An admin's written reason to roll a protected environment back without approval. */
export const bypassReasonSchema = noteSchema("The reason").optional();

/** A rollback as the dialog sends it: the version the user was shown, and for a protected environment a note or an admin's reason. */
export const rollbackInputSchema = z.object({
  environmentId: idSchema,
  expectedVersionId: idSchema,
  note: requestNoteSchema,
  bypassReason: bypassReasonSchema,
  restoreSettings: restoreSettingsSchema,
});
