/**
 * The address a request came from, as far as this server can tell: the first entry of
 * `X-Forwarded-For`, which Next sets to the connecting address when the client sent none (and a
 * reverse proxy overwrites, see DRAFTLINE_TRUST_PROXY). Recorded with sign-ins and used as the
 * sign-in rate limit's key; never trusted for anything that grants access.
 */
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";

export function clientAddress(headers: Headers | null | undefined): string | null {
  const first = headers?.get(CLIENT_ADDRESS_HEADER)?.split(",", 1)[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

export function clientUserAgent(headers: Headers | null | undefined): string | null {
  const agent = headers?.get("user-agent")?.trim();
  return agent ? agent.slice(0, 512) : null;
}
