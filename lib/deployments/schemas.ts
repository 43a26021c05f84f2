import { z } from "zod";
import { noteSchema } from "@/lib/requests/schemas";

/** The deploy dialog's confirmation; a request without it is unconfirmed, and refused for production. */
export const confirmedSchema = z.boolean({ error: "Say whether the deployment is confirmed." }).default(false);

/** The requester's note to the approvers of a protected environment; ignored when none is needed. */
export const requestNoteSchema = noteSchema("The note").optional();

/** An admin's written reason to roll a protected environment back without approval. */
export const bypassReasonSchema = noteSchema("The reason").optional();
