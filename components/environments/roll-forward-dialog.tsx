"use client";

import { useState } from "react";
import { ApprovalNotice } from "@/components/requests/approval-notice";
import { TextAreaField } from "@/components/ui/field";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";
import { ProductionConfirm } from "@/components/deploy/production-confirm";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import { needsConfirmation } from "@/lib/environments/needs-confirmation";
import { useSettingsComparison } from "./queries";
import { SettingsWarning } from "./settings-warning";
import { useRollForward } from "./use-environment-actions";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

const UNREACHABLE_MESSAGE = "Nothing was rolled forward: the server could not be reached or ran into a problem. Try again in a moment.";

interface RollForwardDialogProps {
  slug: string;
  environment: EnvironmentJson;
  /** The version the newest rollback moved away from. */
  target: VersionRef;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRolledForward: (change: ActiveVersionChangeJson) => void;
}

/**
 * Confirms undoing the newest rollback. Into production this is a deployment like any other,
 * so it takes the same confirmation that names the version and the environment. Like a rollback
 * it warns when the environment's settings changed since that version last ran there.
 */
export function RollForwardDialog({ slug, environment, target, open, onOpenChange, onRolledForward }: RollForwardDialogProps) {
  const comparison = useSettingsComparison(slug, environment.id, open ? target.id : null);
  const rollForward = useRollForward(slug);
  const [error, setError] = useState<string | null>(null);
  const active = environment.activeVersion;
  const requested = environment.requiredApprovals > 0;
  const [note, setNote] = useState("");

  async function confirm() {
    if (rollForward.isPending) return;
    setError(null);
    try {
      const result = await rollForward.mutateAsync({ environmentId: environment.id, expectedVersionId: target.id, confirmed: true, ...(requested ? { note } : {}) });
      if (result.ok) onRolledForward(result.value);
      else setError(result.error.message);
    } catch {
      setError(UNREACHABLE_MESSAGE);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setError(null);
        onOpenChange(next);
      }}
      title={`Roll ${environment.name} forward to ${target.name}?`}
      description={`${environment.name} runs ${active ? `${active.name} (#${active.number})` : "no version"} after a rollback from ${target.name} (#${target.number}). Rolling forward makes ${target.name} active again at once; no version is created, and it is recorded in the history as a deploy.`}
    >
      <div className="flex flex-col gap-4 text-sm" aria-busy={rollForward.isPending}>
        <SettingsWarning
          comparison={comparison.data}
          loading={comparison.isPending}
          failed={comparison.error?.message ?? null}
          environmentName={environment.name}
          targetName={target.name}
          move="roll forward"
        />
        {requested ? (
          <>
            <ApprovalNotice environment={environment} />
            <TextAreaField label="Note for approvers" rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
          </>
        ) : null}
        <FormError>{error}</FormError>
        {needsConfirmation(environment.name) ? (
          <ProductionConfirm
            versionName={target.name}
            isNewVersion={false}
            environment={environment}
            pending={rollForward.isPending}
            backLabel="Cancel"
            onBack={() => onOpenChange(false)}
            onConfirm={() => void confirm()}
          />
        ) : (
          <div className="flex items-center justify-end gap-2">
            <p role="status" className="mr-auto text-xs text-slate-600">
              {rollForward.isPending ? (requested ? "Requesting…" : "Rolling forward…") : ""}
            </p>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button variant="primary" aria-disabled={rollForward.isPending} className="aria-disabled:opacity-70" onClick={() => void confirm()}>
              {requested ? "Request roll forward" : `Roll forward to ${target.name}`}
            </Button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
