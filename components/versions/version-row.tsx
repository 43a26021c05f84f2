"use client";

import { useId, type KeyboardEvent } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import type { VersionHealthJson, VersionJson } from "@/lib/versions/version-json";
import { RunHealthBadge } from "@/components/executions/run-health-badge";
import { DeployRowAction, useEnvironmentsRunning } from "@/components/deploy/deploy-row-action";
import { Badge, EnvironmentBadges, OriginBadge } from "./version-badges";
import { VersionDescription } from "./version-description";
import { useOpenVersion, useVersionRowActions, VersionRowActions } from "./version-row-actions";

interface VersionRowProps {
  version: VersionJson;
  /** Its success rate in each environment where it has finished runs. */
  health: readonly VersionHealthJson[];
  index: number;
  isLatest: boolean;
  /** The row that Tab reaches (roving tab index); arrow keys move it. */
  isActive: boolean;
  isHighlighted: boolean;
  onActivate: (index: number) => void;
}

/**
 * One version in three short lines (name and badges; the description, clamped to one line;
 * date, author and actions), named by its name for assistive technology, described by its
 * details. Enter on the focused row views the version.
 */
export function VersionRow({ version, health, index, isLatest, isActive, isHighlighted, onActivate }: VersionRowProps) {
  const id = useId();
  const isDraftBase = useVersionRowActions()?.draftBaseId === version.id;
  const runningIn = useEnvironmentsRunning(version.id);
  const openVersion = useOpenVersion();
  const describedBy = [
    `${id}-number`,
    isLatest ? `${id}-latest` : null,
    runningIn.length > 0 ? `${id}-environments` : null,
    isDraftBase ? `${id}-base` : null,
    `${id}-origin`,
    `${id}-meta`,
    health.length > 0 ? `${id}-health` : null,
  ]
    .filter(Boolean)
    .join(" ");

  function viewOnEnter(event: KeyboardEvent<HTMLLIElement>) {
    // Only the row itself: Enter on one of its buttons is that button's.
    if (event.key !== "Enter" || event.target !== event.currentTarget || !openVersion) return;
    event.preventDefault();
    openVersion(version);
  }

  return (
    <li
      data-row-index={index}
      tabIndex={isActive ? 0 : -1}
      aria-labelledby={`${id}-name`}
      aria-describedby={describedBy}
      aria-keyshortcuts={openVersion ? "Enter" : undefined}
      onFocus={() => onActivate(index)}
      onKeyDown={viewOnEnter}
      className={cn(
        "border-b border-slate-100 px-3 pb-0.5 pt-1.5 outline-none last:border-b-0",
        "hover:bg-slate-50 focus-visible:bg-indigo-50/60 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500",
        isHighlighted && "bg-indigo-50",
      )}
    >
      <div className="flex h-5 min-w-0 items-center gap-2">
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
      {/* Date and author keep at least 10rem; the actions move under them when the popover is narrow. */}
      <div className="flex flex-wrap items-center justify-between gap-x-2">
        <p id={`${id}-meta`} title={version.author} className="min-w-0 flex-[1_1_10rem] truncate text-xs text-slate-600">
          <RelativeTime date={version.createdAt} />
          <span aria-hidden> · </span>
          <span className="sr-only">, by </span>
          {version.author}
        </p>
        {health.length > 0 ? (
          <span id={`${id}-health`} className="flex shrink-0 flex-wrap items-center gap-1">
            {health.map((row) => (
              <RunHealthBadge key={row.environmentId} environment={row.environment} succeeded={row.succeeded} failed={row.failed} />
            ))}
          </span>
        ) : null}
        <div className="-mr-1.5 flex shrink-0 items-center">
          <VersionRowActions version={version} tabbable={isActive} />
          <DeployRowAction version={version} tabbable={isActive} />
        </div>
      </div>
    </li>
  );
}
