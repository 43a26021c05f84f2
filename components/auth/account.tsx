"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session-user";

const AccountContext = createContext<SessionUser | null>(null);

/** Who is signed in, for every page's header (null on the sign-in and invite pages when nobody is). */
export function AccountProvider({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  return <AccountContext.Provider value={user}>{children}</AccountContext.Provider>;
}

export function useAccount(): SessionUser | null {
  return useContext(AccountContext);
}

/** Ends the session on the server, then loads the sign-in page (nothing of the session stays in the page). */
export async function signOut(): Promise<void> {
  await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
  window.location.assign("/sign-in");
}

/** The header's Account button: a menu with the signed-in person's name and email, and Sign out. */
export function AccountMenu() {
  const user = useAccount();
  const [signingOut, setSigningOut] = useState(false);
  if (!user) return null;
  return (
    // Not modal: the rest of the page stays in the accessibility tree (no aria-hidden around focusable controls).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label="Account"
        title={`Account: ${user.name}`}
        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-800 hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden>{initials(user.name)}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2">
            <span className="block truncate text-sm font-medium text-slate-900">{user.name}</span>
            <span className="block truncate text-xs text-slate-600">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item
            disabled={signingOut}
            onSelect={() => {
              setSigningOut(true);
              void signOut();
            }}
            className="flex w-full cursor-default items-center rounded px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}
