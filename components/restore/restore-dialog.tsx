"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RestoreOutcomeJson } from "@/lib/versions/version-json";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { useFlushDrafts } from "@/components/workspace/draft-context";
import type { VersionJson } from "@/lib/versions/version-json";
import { fetchRestorePreview, restoreKeys } from "./queries";
import { RestoreChanges } from "./restore-changes";
import { useRestoreVersion } from "./use-restore-version";

interface RestoreDialogProps {
  slug: string;
  /** The version to restore; null while the dialog is closed. */
  version: VersionJson | null;
  onClose: () => void;
  onRestored?: (outcome: RestoreOutcomeJson) => void;
}

/** "Restore <name> as draft": what will change, and a backup of work no version captures. */
export function RestoreDialog({ slug, version, onClose, onRestored }: RestoreDialogProps) {
  // The last version shown stays in the title while the dialog animates closed.
  const [shown, setShown] = useState(version);
  if (version && version !== shown) setShown(version);
  return (
    <Dialog
      open={version !== null}
      onOpenChange={(open) => !open && onClose()}
      title={shown ? `Restore ${shown.name} as draft` : "Restore as draft"}
      description={
        shown
          ? `The latest draft will hold exactly the files of ${shown.name} (#${shown.number}). No version is deleted or changed.`
          : undefined
      }
    >
      {version ? <RestoreForm key={version.id} slug={slug} version={version} onCancel={onClose} onRestored={onRestored} /> : null}
    </Dialog>
  );
}

const UNSAVED_MESSAGE =
  "Your latest edits could not be saved, so nothing was restored. They are kept in this browser; check the save status and try again.";

function RestoreForm({
  slug,
  version,
  onCancel,
  onRestored,
}: {
  slug: string;
  version: VersionJson;
  onCancel: () => void;
  onRestored?: (outcome: RestoreOutcomeJson) => void;
}) {
  const flushDrafts = useFlushDrafts();
  const preview = useQuery({
    queryKey: restoreKeys.preview(slug, version.id),
    // Pending keystrokes are saved first, so the preview compares with the draft as typed.
    queryFn: async ({ signal }) => {
      const saved = await flushDrafts();
      return { saved, ...(await fetchRestorePreview(slug, version.id, signal)) };
    },
    staleTime: 0,
    gcTime: 0,
    retry: 1,
  });
  const [saveBackup, setSaveBackup] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const restore = useRestoreVersion(slug);
  const failureMessage = useFailureMessage();
  const busy = restore.isPending || preview.isPending;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    try {
      // Without a preview nobody chose to skip the backup; the server keeps one only if needed.
      const attempt = await restore.mutateAsync({ versionId: version.id, saveBackup: preview.data?.hasUnversionedWork ? saveBackup : true });
      if (attempt.status === "restored") onRestored?.(attempt.outcome);
      else setError(attempt.status === "unsaved" ? UNSAVED_MESSAGE : attempt.error.message);
    } catch (error) {
      setError(failureMessage("Nothing was restored.", error));
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={busy}>
      {preview.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Checking what changes…
        </p>
      ) : preview.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="flex-1">Could not work out what changes: {preview.error.message}</p>
          <Button size="sm" onClick={() => void preview.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <>
          {!preview.data.saved ? (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Some edits in the editor are not saved yet, so this list does not include them. Restoring saves them first; if that fails, nothing is restored.
            </p>
          ) : null}
          <RestoreChanges changes={preview.data.changes} versionName={version.name} />
          {preview.data.hasUnversionedWork ? (
            <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5">
              <p className="text-sm font-medium text-amber-900">Your draft has changes that no version captures.</p>
              <label className="mt-2 flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={saveBackup}
                  onChange={(event) => setSaveBackup(event.target.checked)}
                  className="mt-0.5 h-4 w-4 accent-indigo-600"
                />
                <span>Save the current draft as a backup version first</span>
              </label>
              <p className="mt-1 pl-6 text-xs text-slate-700">
                {saveBackup
                  ? "It becomes a backup version in the history, so you can switch back to it at any time."
                  : "Without a backup, those changes are gone once the draft is restored."}
              </p>
            </div>
          ) : null}
        </>
      )}
      <FormError>{error}</FormError>
      <div className="flex items-center justify-end gap-2">
        <p role="status" className="mr-auto text-xs text-slate-600">
          {restore.isPending ? "Saving your edits and restoring…" : ""}
        </p>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" aria-disabled={busy} className="aria-disabled:opacity-70">
          Restore as draft
        </Button>
      </div>
    </form>
  );
}
