/**
 * The session ended (signed out elsewhere, expired): the whole page goes to sign in and comes
 * back here afterwards. Unsaved editor text is already in this browser's storage (draft-backup.ts)
 * and is offered again when the page loads.
 */
export function signInAgain(): void {
  const here = window.location.pathname + window.location.search;
  window.location.assign(here === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`);
}

/** True for a refusal that says nobody is signed in, from a route (401) or a server action's Result. */
export function isUnauthenticated(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "unauthenticated";
}
