import http from "node:http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

/**
 * Who sent a request. Without a trusted reverse proxy (`DRAFTLINE_TRUST_PROXY=1`) only the
 * connection's address counts: `X-Forwarded-For` is whatever the client wrote, so trusting it
 * would let anyone pick a fresh address per attempt and never meet the sign-in limit. Behind a
 * proxy, the left-most `X-Forwarded-For` entry is the client the proxy saw.
 */
export function requestClientAddress(forwardedFor: string | string[] | undefined, remoteAddress: string | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const first = header?.split(",", 1)[0]?.trim();
    if (first) return first;
  }
  return remoteAddress ?? null;
}

const STAMPED = Symbol.for("draftline.stampClientAddress");

/**
 * Sets CLIENT_ADDRESS_HEADER on every request any HTTP server of this process receives, before
 * its handler (Next) reads it; a value the client sent under that name is replaced. Next offers
 * no hook at the socket, and its own `X-Forwarded-For` keeps a client-sent value, so this runs
 * from instrumentation.ts at start-up. Installing twice does nothing more.
 */
export function stampClientAddress(trustProxy: boolean, prototype: http.Server = http.Server.prototype) {
  const marked = prototype as http.Server & { [STAMPED]?: boolean };
  if (marked[STAMPED]) return;
  marked[STAMPED] = true;
  const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && args[0] instanceof http.IncomingMessage) {
      const request = args[0];
      const address = requestClientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustProxy);
      if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
      else delete request.headers[CLIENT_ADDRESS_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}
