import type { ProjectActor } from "./actor";
import { can, refusalMessage, type Operation, type Role } from "./roles";

/** The roles a project's two-factor requirement applies to. */
export const TWO_FACTOR_ROLES: readonly Role[] = ["release_manager", "admin"];

export const TWO_FACTOR_MISSING_MESSAGE =
  "This project requires two-factor sign-in of release managers and admins: turn it on in Account settings, then try again.";

/**
 * Why `actor` may not do `operation` in their project, or null when they may: the role table
 * first, then the project's two-factor requirement (which leaves reading open). Every entry
 * point (server actions, routes, the token API) and every page's controls ask this one question.
 */
export function actorRefusal(actor: Pick<ProjectActor, "role" | "twoFactorMissing">, operation: Operation): string | null {
  if (!can(actor.role, operation)) return refusalMessage(operation);
  if (actor.twoFactorMissing && operation !== "read") return TWO_FACTOR_MISSING_MESSAGE;
  return null;
}
