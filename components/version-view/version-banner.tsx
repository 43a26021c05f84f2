"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { OriginBadge } from "@/components/versions/version-badges";
import { VersionDescription } from "@/components/versions/version-description";
import type { VersionJson } from "@/lib/versions/version-json";

interface VersionBannerProps {
  version: VersionJson;
  onBack: () => void;
  onRestore: () => void;
  onCompare: () => void;
}

/** Which version is shown, that it never changes, and the ways on from here. */
export function VersionBanner({ version, onBack, onRestore, onCompare }: VersionBannerProps) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-wrap items-start gap-x-6 gap-y-3 border-b border-amber-200 bg-amber-50 px-4 py-3">
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <h2 id={`${id}-title`} className="min-w-0 truncate text-sm font-semibold text-slate-900">
            <span className="font-normal text-slate-600">Viewing version </span>
            {version.name}
            <span className="ml-1.5 font-normal tabular-nums text-slate-600">#{version.number}</span>
          </h2>
          <OriginBadge origin={version.origin} />
        </div>
        <p className="mt-0.5 text-xs text-slate-700">
          Created <RelativeTime date={version.createdAt} /> by {version.author} · read-only: a version never changes.
        </p>
        {version.description ? <VersionDescription id={`${id}-description`} text={version.description} tabbable /> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={onBack}>Back to latest draft</Button>
        <Button onClick={onCompare}>Compare with draft</Button>
        <Button variant="primary" onClick={onRestore}>
          Restore as draft
        </Button>
      </div>
    </section>
  );
}
