/** The signed-in person as the app needs them: who acts, and whether they are the owner. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** The owner is an admin of every project and may create projects. */
  isOwner: boolean;
}
