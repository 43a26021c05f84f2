"use client";

import Link from "next/link";
import { compareHref } from "@/components/compare/compare-href";
import type { DraftStatus } from "@/lib/drafts/get-draft-status";
import { useDraftStatus, useDraftStatusFollowsChanges } from "./draft-status-queries";

/** "Draft · 3 files changed since 1.1.0", linking to the comparison when there is one to see. */
export function DraftStatusText({ slug }: { slug: string }) {
  useDraftStatusFollowsChanges(slug);
  const status = useDraftStatus(slug);
  if (!status.data) return null;
  const { base, changed } = status.data;
  const text = `Draft · ${describeDraftStatus(status.data)}`;
  const className = "min-w-0 truncate whitespace-nowrap text-sm text-slate-600";
  if (!base || !changed) return <span className={className}>{text}</span>;
  return (
    <Link
      href={compareHref(slug, base.id, "draft")}
      title={`Compare the draft with ${base.name}`}
      className={`${className} rounded underline-offset-2 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600`}
    >
      {text}
    </Link>
  );
}

export function describeDraftStatus({ base, changed, added, modified, removed }: DraftStatus): string {
  if (!base) return "no versions yet";
  if (!changed) return `no changes since ${base.name}`;
  const count = added + modified + removed;
  return `${count} ${count === 1 ? "file" : "files"} changed since ${base.name}`;
}
