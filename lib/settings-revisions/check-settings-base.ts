import type { LockedEnvironment } from "@/lib/environments/lock-environment";
import { fail } from "@/lib/result";

/**
 * A settings edit made on revision `baseRevision` while the environment moved on since: refused
 * as a conflict, like a stale file save, so nobody overwrites a change they never saw. Null when
 * the edit may go ahead (also when the caller names no base: scripts and the system).
 */
export function staleSettingsRefusal(environment: LockedEnvironment, baseRevision: number | undefined) {
  if (baseRevision === undefined || baseRevision === environment.settingsRevision) return null;
  return fail(
    "conflict",
    `${environment.name}'s settings changed since you loaded them (they are at revision ${environment.settingsRevision} now, you edited revision ${baseRevision}). Look at the current settings and make your change again.`,
  );
}
