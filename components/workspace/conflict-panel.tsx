"use client";

import { useEffect, useRef, useState } from "react";
import { ReadOnlyDiff } from "@/components/editor/lazy";
import type { StoredCopy } from "@/components/files/queries";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";

interface ConflictPanelProps {
  path: string;
  theirs: StoredCopy;
  mine: string;
  onKeepMine: () => Promise<boolean>;
  onUseTheirs: () => void;
  onSaveMerged: (merged: string) => Promise<boolean>;
}

/**
 * Both versions side by side; the user's text stays until they choose. The right side is
 * editable, so the user can bring their changes and the stored ones together and save that.
 */
export function ConflictPanel({ path, theirs, mine, onKeepMine, onUseTheirs, onSaveMerged }: ConflictPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState(false);
  const [merged, setMerged] = useState(mine);
  useEffect(() => heading.current?.focus(), []);

  async function settle(choice: () => Promise<boolean>) {
    setPending(true);
    await choice();
    setPending(false);
  }

  return (
    <section aria-labelledby="conflict-heading" className="absolute inset-0 z-10 flex flex-col bg-white">
      <div className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2 id="conflict-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-red-900 outline-none">
            Conflict in {path}
          </h2>
          <p className="mt-0.5 text-sm text-red-800">
            <ChangedBy theirs={theirs} /> after you started editing. Your text is kept: edit it on the right to merge
            both, or choose which version continues.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onUseTheirs} disabled={pending}>
            Use their version
          </Button>
          <Button variant="secondary" onClick={() => void settle(onKeepMine)} disabled={pending}>
            Keep my version
          </Button>
          <Button variant="primary" onClick={() => void settle(() => onSaveMerged(merged))} disabled={pending}>
            Save merged
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-2 border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
        <span className="px-4 py-1.5">Their version (saved)</span>
        <span className="border-l border-slate-200 px-4 py-1.5">Your version (not saved, editable)</span>
      </div>
      <div className="min-h-0 flex-1">
        <ReadOnlyDiff
          path={path}
          original={theirs.content}
          modified={mine}
          inline={false}
          originalLabel="their saved version"
          modifiedLabel="your version, editable"
          onModifiedChange={setMerged}
        />
      </div>
    </section>
  );
}

/** "Changed by Ada 2 minutes ago", or "Changed elsewhere …" for a file written before authors were recorded. */
function ChangedBy({ theirs }: { theirs: StoredCopy }) {
  return (
    <>
      Changed {theirs.updatedBy ? `by ${theirs.updatedBy}` : "elsewhere"} <RelativeTime date={theirs.updatedAt} />
    </>
  );
}
