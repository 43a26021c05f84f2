"use client";

import { projectConvention } from "@/components/naming/project-convention";
import { Dialog } from "@/components/ui/dialog";
import type { VersionJson } from "@/lib/versions/version-json";
import { CreateVersionForm } from "./create-version-form";

interface CreateVersionDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  project: { slug: string; name: string; namingConvention: string };
  onCreated: (version: VersionJson) => void;
}

export function CreateVersionDialog({ open, onOpenChange, project, onCreated }: CreateVersionDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create version"
      description={`Snapshot every file of ${project.name} as it is now. You keep editing the draft; the version never changes.`}
    >
      <CreateVersionForm
        slug={project.slug}
        convention={projectConvention(project.namingConvention)}
        onCreated={onCreated}
        onCancel={() => onOpenChange(false)}
      />
    </Dialog>
  );
}
