/*
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next puts
 * it on its own scripts when it finds the policy among the request's headers) or when loaded by a
 * script that has it ('strict-dynamic': the chunks of Next and of Monaco, its languages included).
 * Each source below is one the app was measured to need under the end-to-end suite; nothing else
 * loads, and no other site may frame the app.
 */

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function buildCsp(nonce: string, { development = false } = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // In development React reconstructs server error stacks with eval; production never evals,
    // and neither does Monaco (measured: the editor, its workers and every language run without
    // it; the one eval refused was zod's feature test, switched off in lib/zod-without-eval.ts).
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Monaco creates <style> elements and sets style attributes all the time (cursor, scroll,
    // line positions), as do Radix's popovers; neither can carry a nonce, so inline styles stay
    // allowed. A nonce here would switch 'unsafe-inline' off, so there is none.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Monaco's workers are module workers loaded from the app's own chunks.
    "worker-src": ["'self'"],
    // Monaco's stylesheet draws some of its glyphs from data: URLs (measured: refused without it).
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Gives the page a fresh nonce: `respond` builds the response from the request headers it is
 * handed (the policy among them, for Next to read the nonce from), and the same policy goes on
 * the response for the browser to enforce.
 */
export function withContentSecurityPolicy<R extends Response>(
  request: Request,
  respond: (requestHeaders: Headers) => R,
): R {
  const policy = buildCsp(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = respond(requestHeaders);
  response.headers.set("content-security-policy", policy);
  return response;
}
