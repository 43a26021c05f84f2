"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, type ReactNode } from "react";
import { compareHref } from "@/components/compare/compare-href";
import { DRAFT_REF } from "@/components/compare/queries";
import { useFlushDrafts } from "@/components/workspace/draft-context";
import { Button } from "@/components/ui/button";
import type { VersionJson } from "@/lib/versions/version-json";

interface VersionRowActionsValue {
  slug: string;
  /** The version the latest draft is based on, badged in its row. */
  draftBaseId: string | null;
  onRestore: (version: VersionJson) => void;
}

const VersionRowActionsContext = createContext<VersionRowActionsValue | null>(null);

/**
 * What the popover's rows can do, provided by the page around Version History: the rows are
 * deep inside the popover, while the dialogs they open belong to the page and outlive it.
 */
export function VersionRowActionsProvider({ children, ...value }: VersionRowActionsValue & { children: ReactNode }) {
  return <VersionRowActionsContext.Provider value={value}>{children}</VersionRowActionsContext.Provider>;
}

export function useVersionRowActions(): VersionRowActionsValue | null {
  return useContext(VersionRowActionsContext);
}

export function versionHref(slug: string, versionId: string): string {
  return `/projects/${slug}/versions/${encodeURIComponent(versionId)}`;
}

/**
 * Leaving the workspace for a version's page: pending keystrokes are saved first, so a
 * comparison with the draft includes them. Unsaved text stays in the browser even if that
 * save fails. Null outside a VersionRowActionsProvider.
 */
function useLeaveFor() {
  const actions = useVersionRowActions();
  const router = useRouter();
  const flushDrafts = useFlushDrafts();
  if (!actions) return null;
  return {
    slug: actions.slug,
    leaveFor: async (href: string) => {
      await flushDrafts();
      router.push(href);
    },
  };
}

/** View: opens the version read-only (the row's View button, and Enter on the row). */
export function useOpenVersion(): ((version: VersionJson) => void) | null {
  const leave = useLeaveFor();
  if (!leave) return null;
  return (version) => void leave.leaveFor(versionHref(leave.slug, version.id));
}

/** View, Compare and Restore as draft; only the active row's buttons are in the Tab order. */
export function VersionRowActions({ version, tabbable }: { version: VersionJson; tabbable: boolean }) {
  const actions = useVersionRowActions();
  const leave = useLeaveFor();
  if (!actions || !leave) return null;
  const tabIndex = tabbable ? 0 : -1;
  return (
    <div className="flex shrink-0 items-center gap-0.5">
      <Button size="sm" variant="ghost" tabIndex={tabIndex} onClick={() => void leave.leaveFor(versionHref(leave.slug, version.id))}>
        View
      </Button>
      <Button size="sm" variant="ghost" tabIndex={tabIndex} onClick={() => void leave.leaveFor(compareHref(leave.slug, version.id, DRAFT_REF))}>
        Compare
      </Button>
      <Button size="sm" variant="ghost" tabIndex={tabIndex} onClick={() => actions.onRestore(version)}>
        Restore as draft
      </Button>
    </div>
  );
}
