"use client";

import { useRef, useState, type ReactNode } from "react";
import { VersionRowActionsProvider } from "@/components/versions/version-row-actions";
import { useDraftStatus } from "@/components/workspace/draft-status-queries";
import type { RestoreOutcomeJson } from "@/lib/versions/version-json";
import type { VersionJson } from "@/lib/versions/version-json";
import { RestoreDialog } from "./restore-dialog";

/**
 * Gives the Version History rows inside `children` their actions, and owns the restore dialog
 * they open: the popover closes as the dialog takes focus, so the dialog cannot live in a row.
 */
export function RestoreFromHistory({
  slug,
  children,
  onRestored,
}: {
  slug: string;
  children: ReactNode;
  onRestored?: (outcome: RestoreOutcomeJson) => void;
}) {
  const [restoring, setRestoring] = useState<VersionJson | null>(null);
  const draftBaseId = useDraftStatus(slug).data?.base?.id ?? null;
  const wrapper = useRef<HTMLDivElement>(null);

  function close() {
    setRestoring(null);
    // The row that opened the dialog went away with the popover; its trigger is the next best place.
    setTimeout(() => wrapper.current?.querySelector<HTMLElement>("button")?.focus(), 0);
  }

  return (
    <VersionRowActionsProvider slug={slug} draftBaseId={draftBaseId} onRestore={setRestoring}>
      <div ref={wrapper} className="contents">
        {children}
      </div>
      <RestoreDialog
        slug={slug}
        version={restoring}
        onClose={close}
        onRestored={(outcome) => {
          close();
          onRestored?.(outcome);
        }}
      />
    </VersionRowActionsProvider>
  );
}
