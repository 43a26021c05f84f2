"use client";

import { useId, useState } from "react";
import type { SettingsComparisonJson } from "@/lib/deployments/deployment-json";

/**
 * Whether a rollback (or roll forward) also restores the settings the target last ran with:
 * offered when that revision was recorded, checked by default when the settings differ now.
 * `reset` forgets the person's choice (the dialog closed).
 */
export function useRestoreSettingsChoice(comparison: SettingsComparisonJson | undefined) {
  const [choice, setChoice] = useState<boolean | null>(null);
  const offered = comparison !== undefined && comparison.recorded && comparison.revision !== null;
  const differs = comparison !== undefined && comparison.added.length + comparison.changed.length + comparison.removed.length > 0;
  return { offered, restore: offered && (choice ?? differs), setRestore: setChoice, reset: () => setChoice(null) };
}

interface RestoreSettingsChoiceProps {
  comparison: SettingsComparisonJson;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  environmentName: string;
  targetName: string;
}

/** The checkbox and, when checked, what restoring changes: key names only, never a value. */
export function RestoreSettingsChoice({ comparison, checked, onCheckedChange, environmentName, targetName }: RestoreSettingsChoiceProps) {
  const id = useId();
  // Restoring undoes what changed since: keys added since go away, keys removed since come back.
  const adds = comparison.removed;
  const removes = comparison.added;
  const changes = comparison.changed;
  const nothing = adds.length + removes.length + changes.length === 0;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 px-3 py-2">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} className="mt-0.5 h-4 w-4 accent-indigo-600" />
        <label htmlFor={id} className="text-sm text-slate-800">
          Restore settings as they were
        </label>
      </div>
      {checked ? (
        <div role="status" className="text-sm text-slate-700">
          {nothing ? (
            <p>{environmentName}’s settings are already as they were when {targetName} last ran here (revision {comparison.revision}): nothing to restore.</p>
          ) : (
            <>
              <p>
                {environmentName}’s settings go back to revision {comparison.revision}, as when {targetName} last ran here, saved as a new revision
                (the history keeps revision {comparison.currentRevision}). Secret values are never shown.
              </p>
              <ul className="mt-1 list-disc pl-5">
                {adds.length > 0 ? <li>Keys added: {adds.join(", ")}</li> : null}
                {changes.length > 0 ? <li>Keys changed: {changes.join(", ")}</li> : null}
                {removes.length > 0 ? <li>Keys removed: {removes.join(", ")}</li> : null}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
