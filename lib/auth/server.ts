import "server-only";
import { getDb } from "@/lib/db/client";
import { originSettings } from "@/lib/http/request-origin";
import { getSecretKeyring } from "@/lib/secrets/secret-key";
import { authSecrets } from "./auth-secrets";
import { createAuth, signInAttempts, type Auth } from "./create-auth";

declare global {
  // One Better Auth per process, like the database it uses (Next evaluates modules more than once).
  var __draftlineAuth: Promise<Auth> | undefined;
}

/**
 * The process's Better Auth, made on first use after the database is open: never at import
 * time, so `next build` touches no database and needs no key.
 */
export function getAuth(): Promise<Auth> {
  globalThis.__draftlineAuth ??= (async () => {
    const db = await getDb();
    return createAuth(db, {
      ...authSecrets(getSecretKeyring()),
      origins: originSettings(),
      signInAttempts: signInAttempts(),
    });
  })().catch((error: unknown) => {
    globalThis.__draftlineAuth = undefined;
    throw error;
  });
  return globalThis.__draftlineAuth;
}
