import "server-only";
import { currentAuthor } from "@/lib/session/current-author";

export interface SignedInUser {
  /** Null only until sign-in exists: the installation's single local user. */
  id: string | null;
  name: string;
  email: string | null;
  /** The owner is an admin of every project and may create projects. */
  isOwner: boolean;
}

/** The person this request comes from, or null when nobody is signed in. */
export async function getSignedInUser(): Promise<SignedInUser | null> {
  return { id: null, name: currentAuthor(), email: null, isOwner: true };
}
