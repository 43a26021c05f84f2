"use client";

import { useId } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import type { VersionJson } from "@/lib/versions/version-json";
import { DeployRowAction, useEnvironmentsRunning } from "@/components/deploy/deploy-row-action";
import { Badge, EnvironmentBadges, OriginBadge } from "./version-badges";
import { VersionDescription } from "./version-description";
import { useVersionRowActions, VersionRowActions } from "./version-row-actions";

interface VersionRowProps {
  version: VersionJson;
  index: number;
  isLatest: boolean;
  /** The row that Tab reaches (roving tab index); arrow keys move it. */
  isActive: boolean;
  isHighlighted: boolean;
  onActivate: (index: number) => void;
}

/** One version: named by its name for assistive technology, described by its details. */
export function VersionRow({ version, index, isLatest, isActive, isHighlighted, onActivate }: VersionRowProps) {
  const id = useId();
  const isDraftBase = useVersionRowActions()?.draftBaseId === version.id;
  const runningIn = useEnvironmentsRunning(version.id);
  const describedBy = [
    `${id}-number`,
    isLatest ? `${id}-latest` : null,
    runningIn.length > 0 ? `${id}-environments` : null,
    isDraftBase ? `${id}-base` : null,
    `${id}-origin`,
    `${id}-meta`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <li
      data-row-index={index}
      tabIndex={isActive ? 0 : -1}
      aria-labelledby={`${id}-name`}
      aria-describedby={describedBy}
      onFocus={() => onActivate(index)}
      className={cn(
        "border-b border-slate-100 px-4 py-2.5 outline-none last:border-b-0",
        "hover:bg-slate-50 focus-visible:bg-indigo-50/60 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500",
        isHighlighted && "bg-indigo-50",
      )}
    >
      <div className="flex min-w-0 items-center gap-2">
        <span id={`${id}-name`} title={version.name} className="min-w-0 truncate text-sm font-semibold text-slate-900">
          {version.name}
        </span>
        <span id={`${id}-number`} className="shrink-0 text-xs tabular-nums text-slate-600">
          #{version.number}
        </span>
        {isLatest ? (
          <Badge tone="indigo" id={`${id}-latest`} title="The newest version of this project">
            Latest
          </Badge>
        ) : null}
        <EnvironmentBadges names={runningIn} id={`${id}-environments`} />
        {isDraftBase ? (
          <Badge tone="emerald" id={`${id}-base`} title="The latest draft is based on this version">
            Draft base
          </Badge>
        ) : null}
        <span className="ml-auto">
          <OriginBadge origin={version.origin} id={`${id}-origin`} />
        </span>
      </div>
      {version.description ? <VersionDescription id={`${id}-description`} text={version.description} tabbable={isActive} /> : null}
      <p id={`${id}-meta`} className="mt-1 min-w-0 truncate text-xs text-slate-600">
        <RelativeTime date={version.createdAt} />
        <span aria-hidden> · </span>
        <span className="sr-only">, by </span>
        {version.author}
      </p>
      {/* Actions get a line of their own, so the date and author are never cut off. */}
      <div className="-ml-2 mt-1 flex flex-wrap items-center gap-0.5">
        <VersionRowActions version={version} tabbable={isActive} />
        <DeployRowAction version={version} tabbable={isActive} />
      </div>
    </li>
  );
}
