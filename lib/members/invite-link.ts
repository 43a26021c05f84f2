/** The address a person opens to join: `/invite/<token>` on the app's origin. */
export function inviteLink(origin: string, token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, origin).toString();
}
