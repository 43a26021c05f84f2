/**
 * Which names and origins this server answers to. Pure functions of a request's headers and
 * the settings, shared by the proxy (every request) and the route handlers that change state.
 */

export interface OriginSettings {
  /** `DRAFTLINE_ORIGIN`: the public address, exactly as browsers send it in `Origin`. */
  publicOrigin: string | null;
  /** `DRAFTLINE_TRUST_PROXY=1`: `X-Forwarded-Host`/`-Proto` are a reverse proxy's word, not the client's. */
  trustProxy: boolean;
}

/** Loopback names, with any port: the server listens on 127.0.0.1 unless told otherwise. */
const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const HOST_PATTERN = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export const CROSS_SITE_MESSAGE = "Cross-site requests are not allowed.";
export const MISSING_ORIGIN_MESSAGE =
  "Requests that change data must name the page they come from: send an Origin header with this app's address.";

/** Reads `DRAFTLINE_ORIGIN` and `DRAFTLINE_TRUST_PROXY`; a public origin that is no origin is a configuration error. */
export function originSettings(env: Record<string, string | undefined> = process.env): OriginSettings {
  const configured = env.DRAFTLINE_ORIGIN?.trim();
  let publicOrigin: string | null = null;
  if (configured) {
    let url: URL | null = null;
    try {
      url = new URL(configured);
    } catch {}
    if (!url || !["http:", "https:"].includes(url.protocol) || url.origin !== configured.replace(/\/$/, "")) {
      throw new Error(`DRAFTLINE_ORIGIN must be the app's public origin, such as https://draftline.example.com (got ${JSON.stringify(configured)}).`);
    }
    publicOrigin = url.origin;
  }
  return { publicOrigin, trustProxy: env.DRAFTLINE_TRUST_PROXY === "1" };
}

/** The first value of a header a chain of proxies may have appended to (`a, b`). */
function firstValue(header: string | null): string | null {
  const first = header?.split(",", 1)[0]?.trim();
  return first ? first : null;
}

/** The host name the client addressed: the reverse proxy's `X-Forwarded-Host` when it is trusted, else `Host`. */
export function requestHost(headers: Headers, settings: OriginSettings): string | null {
  const forwarded = settings.trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  const host = forwarded ?? headers.get("host");
  return host && HOST_PATTERN.test(host) ? host.toLowerCase() : null;
}

/**
 * The origin this request's own pages would send, or null when the request addresses a name
 * this server does not answer to (a DNS-rebinding page, a forged forwarded host).
 */
export function expectedOrigin(headers: Headers, settings: OriginSettings): string | null {
  const host = requestHost(headers, settings);
  if (host === null) return null;
  if (settings.publicOrigin !== null) {
    const publicUrl = new URL(settings.publicOrigin);
    if (new URL(`${publicUrl.protocol}//${host}`).host === publicUrl.host) return settings.publicOrigin;
  }
  const local = new URL(`http://${host}`);
  if (!LOCAL_HOSTNAMES.has(local.hostname)) return null;
  const https = settings.trustProxy && firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() === "https";
  return `${https ? "https" : "http"}://${local.host}`;
}

function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

/**
 * Why a request that changes state is refused as cross-site, or null when it comes from this
 * app's own pages: the browser's `Sec-Fetch-Site` must not say another site, and `Origin`
 * (else `Referer`) must be the expected origin, scheme included. Reads are not checked.
 */
export function crossSiteRefusal(method: string, headers: Headers, settings: OriginSettings): string | null {
  if (method === "GET" || method === "HEAD") return null;
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return CROSS_SITE_MESSAGE;
  const source = headers.get("origin") ?? originOf(headers.get("referer"));
  if (source === null) return MISSING_ORIGIN_MESSAGE;
  const expected = expectedOrigin(headers, settings);
  return expected !== null && source === expected ? null : CROSS_SITE_MESSAGE;
}
