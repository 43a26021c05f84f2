"use client";

import { useState } from "react";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { Dialog } from "@/components/ui/dialog";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import { useSettingsComparison } from "./queries";
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
}

/**
 * Confirms re-activating the previous version, and warns when the environment's settings
 * changed since that version ran: rolling code back does not roll credentials back.
 */
export function RollbackDialog({ slug, environment, target, open, onOpenChange, onRolledBack }: RollbackDialogProps) {
  const comparison = useSettingsComparison(slug, environment.id, open ? target.id : null);
  const rollback = useRollback(slug);
  const failureMessage = useFailureMessage();
  const [error, setError] = useState<string | null>(null);
  const active = environment.activeVersion;

  async function confirm() {
    if (rollback.isPending) return;
    setError(null);
    try {
      const result = await rollback.mutateAsync({ environmentId: environment.id, expectedVersionId: target.id });
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
        if (!next) setError(null);
        onOpenChange(next);
      }}
      title={`Roll back ${environment.name} to ${target.name}?`}
      description={`${environment.name} runs ${active ? `${active.name} (#${active.number})` : "no version"} now. Rolling back makes ${target.name} (#${target.number}) active again at once; no version is created or deleted, and the rollback is recorded in the history.`}
    >
      <div className="flex flex-col gap-4 text-sm" aria-busy={rollback.isPending}>
        <SettingsWarning comparison={comparison.data} loading={comparison.isPending} failed={comparison.error?.message ?? null} environmentName={environment.name} targetName={target.name} move="roll back" />
        <FormError>{error}</FormError>
        <div className="flex items-center justify-end gap-2">
          <p role="status" className="mr-auto text-xs text-slate-600">
            {rollback.isPending ? "Rolling back…" : ""}
          </p>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="danger" aria-disabled={rollback.isPending} className="aria-disabled:opacity-70" onClick={() => void confirm()}>
            Roll back to {target.name}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
