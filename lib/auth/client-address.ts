/**
 * The address a request came from, as far as this server can tell, in a header of the app's own
 * that `stampClientAddress` (lib/http/stamp-client-address.ts) sets on every request before Next
 * sees it, overwriting whatever the client sent under that name. Recorded with sign-ins and used
 * as the sign-in rate limit's key; never trusted for anything that grants access.
 */
export const CLIENT_ADDRESS_HEADER = "x-draftline-client-address";

export function clientAddress(headers: Headers | null | undefined): string | null {
  const address = headers?.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? address.slice(0, 64) : null;
}

export function clientUserAgent(headers: Headers | null | undefined): string | null {
  const agent = headers?.get("user-agent")?.trim();
  return agent ? agent.slice(0, 512) : null;
}
