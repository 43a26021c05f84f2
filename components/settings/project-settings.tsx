"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { NamingConventionForm } from "./naming-convention-form";

interface ProjectSettingsProps {
  project: { slug: string; name: string; namingConvention: string };
}

/** The header's gear button and the Project settings dialog it opens. */
export function ProjectSettings({ project }: ProjectSettingsProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) setSaved(false);
    // Our dialog has no Radix trigger to hand focus back to (and Safari does not focus clicked buttons).
    else setTimeout(() => buttonRef.current?.focus(), 0);
  }

  return (
    <>
      <Button ref={buttonRef} variant="secondary" size="icon" aria-label="Project settings" title="Project settings" onClick={() => changeOpen(true)}>
        <GearIcon />
      </Button>
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

function GearIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
      <path d="M6.8 1.5h2.4l.4 1.9 1.2.7 1.8-.6 1.2 2.1-1.4 1.3v1.4l1.4 1.3-1.2 2.1-1.8-.6-1.2.7-.4 1.9H6.8l-.4-1.9-1.2-.7-1.8.6-1.2-2.1 1.4-1.3V7.3L2.2 6l1.2-2.1 1.8.6 1.2-.7z" />
      <circle cx="8" cy="8" r="2" />
    </svg>
  );
}
