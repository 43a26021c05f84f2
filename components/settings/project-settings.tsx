"use client";

import { forwardRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { NamingConventionForm } from "./naming-convention-form";

interface ProjectSettingsProps {
  project: { slug: string; name: string; namingConvention: string };
}

/** The Project settings dialog, and the announcement once saved. */
export function ProjectSettingsDialog({ project, open, onOpenChange }: ProjectSettingsProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [saved, setSaved] = useState(false);
  function changeOpen(next: boolean) {
    if (next) setSaved(false);
    onOpenChange(next);
  }
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={changeOpen}
        title="Project settings"
        description={`Settings of ${project.name}, for everyone working on it.`}
      >
        <NamingConventionForm
          slug={project.slug}
          current={project.namingConvention}
          onSaved={() => {
            changeOpen(false);
            setSaved(true);
          }}
          onCancel={() => changeOpen(false)}
        />
      </Dialog>
      <p role="status" className="sr-only">
        {saved ? "Project settings saved." : ""}
      </p>
    </>
  );
}

/** The header's gear button; the dialog it opens is the caller's, as a menu item may open it too. */
export const ProjectSettingsButton = forwardRef<HTMLButtonElement, { onClick: () => void; className?: string }>(function ProjectSettingsButton(
  { onClick, className },
  ref,
) {
  return (
    <Button ref={ref} variant="secondary" size="icon" aria-label="Project settings" title="Project settings" className={className} onClick={onClick}>
      <GearIcon />
    </Button>
  );
});

function GearIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
      <path d="M6.8 1.5h2.4l.4 1.9 1.2.7 1.8-.6 1.2 2.1-1.4 1.3v1.4l1.4 1.3-1.2 2.1-1.8-.6-1.2.7-.4 1.9H6.8l-.4-1.9-1.2-.7-1.8.6-1.2-2.1 1.4-1.3V7.3L2.2 6l1.2-2.1 1.8.6 1.2-.7z" />
      <circle cx="8" cy="8" r="2" />
    </svg>
  );
}
