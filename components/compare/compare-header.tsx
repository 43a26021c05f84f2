"use client";

import Link from "next/link";
import { AccountMenu } from "@/components/auth/account";
import { BrandLink } from "@/components/ui/brand-link";
import { Button } from "@/components/ui/button";
import { RefPicker } from "./ref-picker";

interface CompareHeaderProps {
  slug: string;
  projectName: string;
  from: string;
  to: string;
  fromLabel: string | null;
  toLabel: string | null;
  workspaceHref: string;
  onChange: (from: string, to: string) => void;
}

/** Title, the way back to the workspace, and the two sides with a swap between them. */
export function CompareHeader({ slug, projectName, from, to, fromLabel, toLabel, workspaceHref, onChange }: CompareHeaderProps) {
  return (
    // Above the diff editor, so the pickers' lists open over it.
    <header className="relative z-20 shrink-0 border-b border-slate-200 bg-white">
      <div className="flex h-14 items-center gap-3 px-4">
        <BrandLink />
        <span className="min-w-0 truncate text-sm text-slate-600">{projectName}</span>
        <span aria-hidden className="text-slate-300">
          /
        </span>
        <h1 className="text-sm font-semibold text-slate-900">Compare</h1>
        <Link
          href={workspaceHref}
          className="ml-auto inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <span aria-hidden>←</span>
          Back to latest draft
        </Link>
        <AccountMenu />
      </div>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-4 py-2">
        <RefPicker slug={slug} label="From" value={from} valueLabel={fromLabel} onChange={(ref) => onChange(ref, to)} />
        <Button variant="ghost" size="icon" aria-label="Swap sides" title="Swap sides" onClick={() => onChange(to, from)}>
          <SwapIcon />
        </Button>
        <RefPicker slug={slug} label="To" value={to} valueLabel={toLabel} onChange={(ref) => onChange(from, ref)} />
      </div>
    </header>
  );
}

function SwapIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2.5 5.5h10m0 0-2.5-2.5m2.5 2.5L10 8M13.5 10.5h-10m0 0L6 8m-2.5 2.5L6 13" />
    </svg>
  );
}
