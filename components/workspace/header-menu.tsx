"use client";

import type { Ref } from "react";
import { compareHref } from "@/components/compare/compare-href";
import { Menu, MenuButton, MenuLink } from "@/components/ui/menu";
import { useDraftStatus } from "./draft-status-queries";

/** Where the header has no room (below 1024 px): Environments, Members, Activity, the draft's comparison and Project settings. */
export function HeaderMenu({ slug, onSettings, triggerRef }: { slug: string; onSettings: () => void; triggerRef: Ref<HTMLButtonElement> }) {
  const base = useDraftStatus(slug).data;
  return (
    <Menu label="More actions" icon={<MoreIcon />} className="lg:hidden" triggerRef={triggerRef}>
      <MenuLink href={`/projects/${encodeURIComponent(slug)}/environments`}>Environments</MenuLink>
      <MenuLink href={`/projects/${encodeURIComponent(slug)}/members`}>Members</MenuLink>
      <MenuLink href={`/projects/${encodeURIComponent(slug)}/activity`}>Activity</MenuLink>
      {base?.base && base.changed ? <MenuLink href={compareHref(slug, base.base.id, "draft")}>Compare draft with {base.base.name}</MenuLink> : null}
      <MenuButton onSelect={onSettings}>Project settings</MenuButton>
    </Menu>
  );
}

function MoreIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="currentColor">
      <circle cx="3" cy="8" r="1.4" />
      <circle cx="8" cy="8" r="1.4" />
      <circle cx="13" cy="8" r="1.4" />
    </svg>
  );
}
