"use client";

import { useSyncExternalStore } from "react";
import type { RestoreOutcomeJson } from "@/lib/versions/version-json";
import { Button } from "@/components/ui/button";

/*
 * The confirmation outlives the page that restored: restoring from a version's page goes on
 * to the workspace, which shows it. One message per project, kept for this tab only.
 */
const messages = new Map<string, string>();
const listeners = new Set<() => void>();

function publish(slug: string, message: string | null) {
  if (message === null) messages.delete(slug);
  else messages.set(slug, message);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function restoreMessage({ restored, backup }: RestoreOutcomeJson): string {
  const saved = backup ? ` Your previous draft was saved as version “${backup.name}”.` : "";
  return `Restored ${restored.name} as the draft.${saved}`;
}

export function announceRestore(slug: string, outcome: RestoreOutcomeJson) {
  publish(slug, restoreMessage(outcome));
}

/** A polite announcement of the last restore, until dismissed. */
export function RestoreConfirmation({ slug }: { slug: string }) {
  const message = useSyncExternalStore(
    subscribe,
    () => messages.get(slug) ?? null,
    () => null,
  );
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-30 flex justify-center px-4">
      {message ? (
        <div className="pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg border border-emerald-200 bg-white px-4 py-3 text-sm text-slate-800 shadow-lg">
          <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-emerald-500" />
          <p className="min-w-0 flex-1">{message}</p>
          <Button size="sm" variant="ghost" onClick={() => publish(slug, null)}>
            Dismiss
          </Button>
        </div>
      ) : null}
    </div>
  );
}
