"use client";

import { useEffect, useRef, useState } from "react";
import { ReadOnlyDiff } from "@/components/editor/lazy";
import { Button } from "@/components/ui/button";
import type { ServerCopy } from "./draft-file-state";

interface ConflictPanelProps {
  path: string;
  theirs: ServerCopy;
  mine: string;
  onKeepMine: () => Promise<boolean>;
  onUseTheirs: () => void;
}

/** Both versions side by side; the user's text stays until they choose. */
export function ConflictPanel({ path, theirs, mine, onKeepMine, onUseTheirs }: ConflictPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  async function keepMine() {
    setPending(true);
    await onKeepMine();
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
            This file was changed in another tab or by someone else after you started editing. Your text is kept; choose
            which version continues.
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onUseTheirs} disabled={pending}>
            Use their version
          </Button>
          <Button variant="primary" onClick={keepMine} disabled={pending}>
            Keep my version
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-2 border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
        <span className="px-4 py-1.5">Their version (saved, revision {theirs.revision})</span>
        <span className="border-l border-slate-200 px-4 py-1.5">Your version (not saved)</span>
      </div>
      <div className="min-h-0 flex-1">
        <ReadOnlyDiff
          path={path}
          original={theirs.content}
          modified={mine}
          inline={false}
          originalLabel="their saved version"
          modifiedLabel="your unsaved version"
        />
      </div>
    </section>
  );
}
