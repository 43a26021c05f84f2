import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins/two-factor";
import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectedOrigin, type OriginSettings } from "@/lib/http/request-origin";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits";
import { CLIENT_ADDRESS_HEADER, clientAddress, clientUserAgent } from "./client-address";
import { COOKIE_PREFIX } from "./session-cookie";

/** Sign-in attempts allowed per address and minute (DRAFTLINE_SIGN_IN_ATTEMPTS overrides). */
export const DEFAULT_SIGN_IN_ATTEMPTS = 5;
const SIGN_IN_WINDOW_SECONDS = 60;

export interface AuthSettings {
  /** Derived from the app's secret key (lib/secrets), never a constant. */
  secret: string;
  /** Versioned secrets (lib/auth/auth-secrets.ts): the first writes, all read; `secret` then reads what predates versions. */
  secrets?: Array<{ version: number; value: string }>;
  origins: OriginSettings;
  signInAttempts?: number;
}

/** DRAFTLINE_SIGN_IN_ATTEMPTS as a positive whole number, else the default. */
export function signInAttempts(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.DRAFTLINE_SIGN_IN_ATTEMPTS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_SIGN_IN_ATTEMPTS;
}

/** Addresses this server answers to on this machine, any port (see lib/http/request-origin.ts). */
const LOCAL_HOSTS = ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]", "[::1]:*"];

/** Sign-in endpoints whose new session is a sign-in: the password step, or the second factor after it. */
function isSignInPath(path: string | undefined): boolean {
  return path !== undefined && (path.startsWith("/sign-in/") || path.startsWith("/two-factor/verify"));
}

/**
 * Better Auth for one database: email and password (sign-up only through the app's own owner
 * and invite flows, never the open endpoint), sessions in the database, cookies httpOnly,
 * SameSite=Lax and Secure on an https origin, sign-in rate-limited per address in the database,
 * and every sign-in and failed sign-in written to the activity log.
 */
export function createAuth(db: PrismaClient, settings: AuthSettings) {
  const { publicOrigin, trustProxy } = settings.origins;
  const publicHost = publicOrigin ? new URL(publicOrigin).host : null;

  const recordSignIn = async (headers: Headers | undefined, event: { actor: { id: string | null; name: string }; kind: "sign_in" | "sign_in_failed"; summary: Record<string, string> }) => {
    await db.$transaction((tx) =>
      recordEvent(tx, { projectId: null, ...event, ipAddress: clientAddress(headers), userAgent: clientUserAgent(headers) }),
    );
  };

  return betterAuth({
    appName: "Draftline",
    secret: settings.secret,
    ...(settings.secrets ? { secrets: settings.secrets } : {}),
    database: prismaAdapter(db, { provider: "postgresql" }),
    baseURL: {
      allowedHosts: publicHost ? [...LOCAL_HOSTS, publicHost] : LOCAL_HOSTS,
      ...(publicOrigin ? { fallback: publicOrigin } : {}),
    },
    // The same origins the request guard accepts: this request's own host, or DRAFTLINE_ORIGIN.
    trustedOrigins: (request) => {
      const origin = request ? expectedOrigin(request.headers, settings.origins) : null;
      return [origin, publicOrigin].filter((value): value is string => value !== null);
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by the first start (the owner) and by invite links, in the app's own transactions.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      // The app's own column, returned with every session (no second lookup per request); never settable through Better Auth.
      additionalFields: { isOwner: { type: "boolean", required: false, defaultValue: false, input: false } },
    },
    session: {
      // Every request reads the session row, so a sign-out or a removed account takes effect at once.
      // A cookie cache would let a copied cookie pair outlive its sign-out until the cache expired
      // (e2e/sign-in.spec.ts replays one); routes and actions instead read the session together
      // with the project and membership in one query (app/_entry/resolve-actor.ts).
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: settings.signInAttempts ?? DEFAULT_SIGN_IN_ATTEMPTS },
      },
    },
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: publicOrigin?.startsWith("https:") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      trustedProxyHeaders: trustProxy,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (!isSignInPath(ctx.path)) return;
        // The account page's own code check (turning two-factor on) runs on the server, not as a sign-in.
        if (ctx.path.startsWith("/two-factor/") && !ctx.request) return;
        const headers = ctx.headers ?? ctx.request?.headers;
        const created = ctx.context.newSession;
        if (created) {
          await recordSignIn(headers, {
            actor: { id: created.user.id, name: created.user.name },
            kind: "sign_in",
            summary: { userId: created.user.id, email: created.user.email, method: ctx.path.startsWith("/two-factor/") ? "password and second factor" : "password" },
          });
          return;
        }
        const returned = ctx.context.returned;
        if (ctx.path === "/sign-in/email" && isAPIError(returned)) {
          const body: unknown = ctx.body;
          const tried = typeof body === "object" && body !== null && "email" in body && typeof body.email === "string" ? body.email.trim().slice(0, 254) : "";
          await recordSignIn(headers, {
            actor: { id: null, name: tried || "(no email)" },
            kind: "sign_in_failed",
            summary: { email: tried, reason: returned.body?.code ?? returned.status.toString() },
          });
        }
      }),
    },
    // nextCookies last: it copies every cookie set by the steps before onto the server action's response.
    plugins: [twoFactor({ issuer: "Draftline" }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
