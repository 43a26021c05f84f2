import type { Role } from "./roles";

/** Who acts: recorded on what they make (`name` as it was then) and in the activity log. */
export interface Actor {
  /** The person's user id; null for the system (sample data, scripts). */
  id: string | null;
  name: string;
}

/** A member acting in one project. */
export interface ProjectActor extends Actor {
  role: Role;
  /** The project requires two-factor sign-in of this role and the person has not turned it on: they may only read. */
  twoFactorMissing?: boolean;
}

/** The actor of a lib request that names its author the way records keep it (`author`, `authorId`). */
export function authorAsActor(request: { author: string; authorId?: string | null }): Actor {
  return { id: request.authorId ?? null, name: request.author };
}
