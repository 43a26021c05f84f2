"use client";

import { useId, useState } from "react";
import { usePermission } from "@/components/auth/project-actor";
import { ApprovalNotice } from "@/components/requests/approval-notice";
import { TextAreaField } from "@/components/ui/field";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { Dialog } from "@/components/ui/dialog";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import { useSettingsComparison } from "./queries";
import { RestoreSettingsChoice, useRestoreSettingsChoice } from "./restore-settings-choice";
import { SettingsWarning } from "./settings-warning";
import { useRollback } from "./use-environment-actions";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

interface RollbackDialogProps {
  slug: string;
  environment: EnvironmentJson;
  target: VersionRef;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRolledBack: (change: ActiveVersionChangeJson) => void;
  /** "Roll back to last healthy": the target is the newest earlier version whose recent runs here all succeeded. */
  toLastHealthy?: boolean;
}

/**
 * Confirms re-activating the previous version (or the last healthy one). When the settings it ran with were recorded,
 * offers to restore them too (a whole rollback); otherwise warns when the environment's
 * settings changed since that version ran.
 */
export function RollbackDialog({ slug, environment, target, open, onOpenChange, onRolledBack, toLastHealthy = false }: RollbackDialogProps) {
  const comparison = useSettingsComparison(slug, environment.id, open ? target.id : null);
  const rollback = useRollback(slug, toLastHealthy);
  const failureMessage = useFailureMessage();
  const [error, setError] = useState<string | null>(null);
  const active = environment.activeVersion;
  const requested = environment.requiredApprovals > 0;
  const administer = usePermission("administer");
  const bypassId = useId();
  const [note, setNote] = useState("");
  const [bypass, setBypass] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const direct = !requested || bypass;
  const settings = useRestoreSettingsChoice(comparison.data);

  async function confirm() {
    if (rollback.isPending) return;
    setError(null);
    if (requested && bypass && reason.trim() === "") return setReasonError("Write why this rollback cannot wait for approval.");
    setReasonError(undefined);
    const protection = !requested ? {} : bypass ? { bypassReason: reason } : { note };
    try {
      const result = await rollback.mutateAsync({ environmentId: environment.id, expectedVersionId: target.id, restoreSettings: settings.restore, ...protection });
      if (result.ok) onRolledBack(result.value);
      else setError(result.error.message);
    } catch (error) {
      setError(failureMessage("Nothing was rolled back.", error));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setError(null);
          settings.reset();
        }
        onOpenChange(next);
      }}
      title={`Roll back ${environment.name} to ${target.name}?`}
      description={`${environment.name} runs ${active ? `${active.name} (#${active.number})` : "no version"} now. ${
        toLastHealthy ? `${target.name} is the newest earlier version whose recent runs in ${environment.name} all succeeded. ` : ""
      }Rolling back makes ${target.name} (#${target.number}) active again at once; no version is created or deleted, and the rollback is recorded in the history.`}
    >
      <div className="flex flex-col gap-4 text-sm" aria-busy={rollback.isPending}>
        {settings.offered && comparison.data ? (
          <RestoreSettingsChoice comparison={comparison.data} checked={settings.restore} onCheckedChange={settings.setRestore} environmentName={environment.name} targetName={target.name} />
        ) : null}
        {settings.restore ? null : (
          <SettingsWarning comparison={comparison.data} loading={comparison.isPending} failed={comparison.error?.message ?? null} environmentName={environment.name} targetName={target.name} move="roll back" />
        )}
        {requested ? (
          <>
            <ApprovalNotice environment={environment} />
            {administer.allowed ? (
              <div className="flex items-start gap-2">
                <input
                  id={bypassId}
                  type="checkbox"
                  checked={bypass}
                  onChange={(event) => setBypass(event.target.checked)}
                  className="mt-0.5 h-4 w-4 accent-indigo-600"
                />
                <label htmlFor={bypassId} className="text-sm text-slate-800">
                  Roll back now without approval (Admins only; the reason is recorded)
                </label>
              </div>
            ) : null}
            {bypass ? (
              <TextAreaField label="Reason" rows={2} maxLength={2000} value={reason} error={reasonError} onChange={(event) => setReason(event.target.value)} />
            ) : (
              <TextAreaField label="Note for approvers" rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
            )}
          </>
        ) : null}
        <FormError>{error}</FormError>
        <div className="flex items-center justify-end gap-2">
          <p role="status" className="mr-auto text-xs text-slate-600">
            {rollback.isPending ? (direct ? "Rolling back…" : "Requesting…") : ""}
          </p>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="danger" aria-disabled={rollback.isPending} className="aria-disabled:opacity-70" onClick={() => void confirm()}>
            {direct ? `Roll back to ${target.name}` : "Request rollback"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
