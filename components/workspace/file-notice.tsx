"use client";

import { useSubmit } from "@/components/files/use-submit";
import { Button } from "@/components/ui/button";
import type { Result } from "@/lib/result";
import type { FileSnapshot } from "./draft-file-state";

interface FileNoticeProps {
  path: string;
  snapshot: FileSnapshot | undefined;
  onRecreate: () => Promise<Result<unknown>>;
  onDiscard: () => void;
}

/** Explains why the open file's text is not on the server, for problems a retry cannot fix. */
export function FileNotice({ path, snapshot, onRecreate, onDiscard }: FileNoticeProps) {
  const { pending, error, submit } = useSubmit();
  if (snapshot?.status === "failed") {
    return (
      <div role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
        Not saved yet: {snapshot.message} Your text is kept in this browser and saving is retried.
      </div>
    );
  }
  if (snapshot?.status === "error") {
    return (
      <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
        Not saved: {snapshot.message} Your text is kept here and saved again when you change it.
      </div>
    );
  }
  if (snapshot?.status !== "missing") return null;

  return (
    <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-4 py-2">
      <p className="min-w-0 flex-1 text-sm text-amber-900">
        {path} was renamed or deleted elsewhere, so your changes could not be saved. Your text is kept here.
        {error ? <span className="block text-red-700">{error}</span> : null}
      </p>
      <Button size="sm" variant="secondary" onClick={onDiscard} disabled={pending}>
        Discard my changes
      </Button>
      <Button size="sm" variant="primary" onClick={() => void submit(onRecreate)} disabled={pending}>
        Save as {path}
      </Button>
    </div>
  );
}
