"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { VersionJson } from "@/lib/versions/version-json";
import { CreateVersionDialog } from "./create-version-dialog";
import { prefetchVersionHistory } from "./queries";
import { VersionHistoryPanel } from "./version-history-panel";

export interface VersionHistoryProject {
  id: string;
  slug: string;
  name: string;
  namingConvention: string;
}

/** The header's Version History button, its popover, and the Create version dialog. */
export function VersionHistory({ project }: { project: VersionHistoryProject }) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<VersionJson | null>(null);
  const titleId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const createButtonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  // The first page is in the cache before the click (and again on hover or focus once it is
  // stale), so the popover opens with its rows instead of a loading state.
  const prefetch = () => prefetchVersionHistory(queryClient, project.slug);
  useEffect(() => prefetchVersionHistory(queryClient, project.slug), [queryClient, project.slug]);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }

  function closeCreateDialog() {
    setCreating(false);
    // Our dialog has no Radix trigger to hand focus back to; the `+` is where it came from.
    setTimeout(() => (createButtonRef.current ?? searchRef.current)?.focus(), 0);
  }

  return (
    <>
      <Popover open={open} onOpenChange={changeOpen}>
        <PopoverTrigger asChild>
          <Button variant="secondary" className="max-lg:w-9 max-lg:justify-center max-lg:px-0" onPointerEnter={prefetch} onFocus={prefetch}>
            <HistoryIcon />
            {/* Icon only where the header is narrow; the name stays for screen readers and tests. */}
            <span className="max-lg:sr-only">Version History</span>
          </Button>
        </PopoverTrigger>
        <PopoverContent
          aria-labelledby={titleId}
          className="w-[500px] max-w-[calc(100vw-1rem)]"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            searchRef.current?.focus();
          }}
          // The dialog opened from here takes focus and clicks; the popover stays open beneath it.
          onInteractOutside={(event) => {
            if (creating) event.preventDefault();
          }}
        >
          <VersionHistoryPanel
            slug={project.slug}
            projectName={project.name}
            titleId={titleId}
            searchRef={searchRef}
            createButtonRef={createButtonRef}
            highlightId={created?.id ?? null}
            onCreate={() => setCreating(true)}
          />
        </PopoverContent>
      </Popover>
      <CreateVersionDialog
        open={creating}
        onOpenChange={(next) => (next ? setCreating(true) : closeCreateDialog())}
        project={project}
        onCreated={(version) => {
          setCreated(version);
          closeCreateDialog();
        }}
      />
      <p role="status" className="sr-only">
        {created ? `Version ${created.name} created.` : ""}
      </p>
    </>
  );
}

function HistoryIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.6h2.6" />
      <path d="M8 5v3.2l2 1.3" />
    </svg>
  );
}
