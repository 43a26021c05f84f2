import path from "node:path";
import { DEMO_OWNER, DEMO_PASSWORD, DEMO_USERS } from "@/lib/auth/seed-demo-users";
import type { Role } from "@/lib/auth/roles";

/** The accounts the test server is seeded with (scripts/seed.ts --demo-users), by role. */
export type AccountRole = Role | "owner";

export const ACCOUNTS: Record<AccountRole, { name: string; email: string; password: string }> = {
  owner: { ...DEMO_OWNER, password: DEMO_PASSWORD },
  ...(Object.fromEntries(DEMO_USERS.map((user) => [user.role, { name: user.name, email: user.email, password: DEMO_PASSWORD }])) as Record<
    Role,
    { name: string; email: string; password: string }
  >),
};

/** Where the setup project keeps each role's signed-in browser state (git-ignored). */
export function storageStatePath(role: AccountRole): string {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}

/** Every spec runs signed in as this account unless it says otherwise. */
export const DEFAULT_ACCOUNT = ACCOUNTS.admin;
