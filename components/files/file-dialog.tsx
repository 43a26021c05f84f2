"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import type { Result } from "@/lib/result";
import { useSubmit } from "./use-submit";

interface FileDialogProps {
  title: string;
  description: string;
  submitLabel: string;
  variant?: "primary" | "danger";
  onClose: () => void;
  /** Runs on submit; the dialog closes when it succeeds and shows its message when refused. */
  operation: () => Promise<Result<unknown>>;
  /** The fields, given the refusal's message to show where it belongs. */
  children: (error: string | undefined) => ReactNode;
}

/** The frame every file dialog shares: a form that runs one file operation, with Cancel and submit. */
export function FileDialog({ title, description, submitLabel, variant = "primary", onClose, operation, children }: FileDialogProps) {
  const { pending, error, submit } = useSubmit();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit(operation)) onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        {children(error)}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant={variant} disabled={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
