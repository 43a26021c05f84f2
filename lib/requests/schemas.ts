import { z } from "zod";

export const MAX_NOTE_LENGTH = 2000;

/** How long a deployment request waits for its approvals. */
export const REQUEST_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Up to six approvals; 0 leaves the environment unprotected. */
export const MAX_REQUIRED_APPROVALS = 6;

/** Free text for people: a requester's note, an approver's comment, an admin's reason to bypass. */
export function noteSchema(what: string) {
  return z
    .string({ error: `${what} must be text.` })
    .max(MAX_NOTE_LENGTH, `${what} can be at most ${MAX_NOTE_LENGTH} characters.`)
    .transform((text) => text.trim());
}

export const requiredApprovalsSchema = z
  .number({ error: `Enter how many approvals are needed, from 0 to ${MAX_REQUIRED_APPROVALS}.` })
  .int(`Enter a whole number of approvals, from 0 to ${MAX_REQUIRED_APPROVALS}.`)
  .min(0, `Enter how many approvals are needed, from 0 to ${MAX_REQUIRED_APPROVALS}.`)
  .max(MAX_REQUIRED_APPROVALS, `At most ${MAX_REQUIRED_APPROVALS} approvals can be required.`);
