"use client";

import { useState } from "react";
import { needsConfirmation } from "@/lib/environments/needs-confirmation";
import { firstEnvironmentNotRunning, useSettingsComparison } from "@/components/environments/queries";
import { useRestoreSettingsChoice } from "@/components/environments/restore-settings-choice";
import type { EnvironmentJson } from "@/lib/environments/environment-json";
import { Dialog } from "@/components/ui/dialog";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import type { NamingConvention } from "@/lib/naming/conventions";
import { useVersionFields } from "@/components/versions/version-fields";
import type { DeployRequest, DeployTarget } from "./deploy-request";
import { DeployForm } from "./deploy-form";
import { ProductionConfirm } from "./production-confirm";
import { useDeploy, type DeployCommand } from "./use-deploy";

const UNSAVED_MESSAGE =
  "Your latest edits could not be saved, so nothing was deployed. They are kept in this browser; try again in a moment.";

interface DeployDialogProps {
  slug: string;
  convention: NamingConvention;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  request: DeployRequest;
  environments: EnvironmentJson[] | undefined;
  environmentsError: string | null;
  onDeployed: (change: ActiveVersionChangeJson) => void;
}

interface Confirmation {
  command: DeployCommand;
  target: DeployTarget;
  versionName: string;
}

/**
 * Deploy Latest Draft (a new version) or an existing version to an environment. Production
 * takes a second step that names the version and the environment.
 */
export function DeployDialog(props: DeployDialogProps) {
  const { slug, convention, open, onOpenChange, request, environments, environmentsError, onDeployed } = props;
  const [target, setTarget] = useState<DeployTarget>(request.target);
  const [chosenId, setChosenId] = useState(request.environmentId ?? null);
  const environment = environments?.find((candidate) => candidate.id === chosenId) ?? defaultEnvironment(environments, request.target);
  const fields = useVersionFields(slug, convention);
  const { name, description } = fields;
  // Set when the server says the draft holds exactly an existing version's files.
  const [serverMatch, setServerMatch] = useState<VersionRef | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const deploy = useDeploy(slug);
  const failureMessage = useFailureMessage();
  // An existing version that ran in this environment before: offer its settings as they were then, as rolling back does.
  const redeployed = environment && target.kind === "version" && !isPromotion(target, environment.id) && environment.activeVersion?.id !== target.version.id ? target.version.id : null;
  const comparison = useSettingsComparison(slug, environment?.id ?? "", open ? redeployed : null);
  const settings = useRestoreSettingsChoice(redeployed ? comparison.data : undefined);

  function commandFor(next: DeployTarget, environmentId: string): DeployCommand {
    if (next.kind === "draft") return { kind: "draft", environmentId, name, description };
    if (next.promoteFrom && isPromotion(next, environmentId)) {
      return { kind: "promote", fromEnvironmentId: next.promoteFrom.id, toEnvironmentId: environmentId, expectedVersionId: next.version.id };
    }
    const restoreSettings = settings.restore && next.version.id === redeployed;
    return { kind: "version", environmentId, versionId: next.version.id, ...(restoreSettings ? { restoreSettings } : {}) };
  }

  function proceed(next: DeployTarget) {
    if (!environment || deploy.isPending) return;
    if (next.kind === "draft" && fields.validate()) return;
    setFormError(null);
    const command = { ...commandFor(next, environment.id), ...(environment.requiredApprovals > 0 ? { note } : {}) };
    if (needsConfirmation(environment.name)) {
      setConfirming({ command, target: next, versionName: next.kind === "draft" ? name.trim() : next.version.name });
    } else {
      void run(command, next);
    }
  }

  async function run(command: DeployCommand, next: DeployTarget) {
    setTarget(next);
    try {
      const outcome = await deploy.mutateAsync(command);
      if (outcome.status === "deployed") return onDeployed(outcome.deployed);
      setConfirming(null);
      if (outcome.status === "unsaved") return setFormError(UNSAVED_MESSAGE);
      const { code, message, fields: errorFields } = outcome.error;
      if (code === "conflict" && errorFields?.versionId && errorFields.versionName) {
        setServerMatch({ id: errorFields.versionId, name: errorFields.versionName, number: Number(errorFields.versionNumber) });
      } else if (errorFields?.name || errorFields?.description) {
        fields.setErrors({ name: errorFields.name, description: errorFields.description });
      } else {
        setFormError(message);
      }
    } catch (error) {
      setConfirming(null);
      setFormError(failureMessage("Nothing was deployed.", error));
    }
  }

  const environmentName = environment?.name ?? "…";
  const shown = confirming?.target ?? target;
  const title = shown.kind === "draft" ? `Deploy Latest Draft to ${environmentName}` : `Deploy ${shown.version.name} to ${environmentName}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} className="w-[min(36rem,calc(100vw-2rem))]">
      {confirming && environment ? (
        <ProductionConfirm
          versionName={confirming.versionName}
          isNewVersion={confirming.command.kind === "draft"}
          environment={environment}
          pending={deploy.isPending}
          onBack={() => setConfirming(null)}
          onConfirm={() => void run({ ...confirming.command, confirmed: true }, confirming.target)}
        />
      ) : (
        <DeployForm
          slug={slug}
          convention={convention}
          environments={environments}
          environmentsError={environmentsError}
          environment={environment}
          onEnvironmentChange={(id) => {
            setChosenId(id);
            setFormError(null);
            settings.reset();
          }}
          restoreSettings={settings.offered && comparison.data ? { comparison: comparison.data, checked: settings.restore, onCheckedChange: settings.setRestore } : null}
          target={target}
          fields={fields}
          serverMatch={serverMatch}
          formError={formError}
          note={note}
          onNoteChange={setNote}
          pending={deploy.isPending}
          onSubmit={() => proceed(target)}
          onDeployVersion={(version) => proceed({ kind: "version", version })}
          onCancel={() => onOpenChange(false)}
        />
      )}
    </Dialog>
  );
}

/** A version running in another environment, deployed from there: recorded as a promotion. */
function isPromotion(target: DeployTarget, environmentId: string): boolean {
  return target.kind === "version" && target.promoteFrom !== undefined && target.promoteFrom.id !== environmentId;
}

/** Without a preselected environment: a version starts where it does not run yet, the draft in the first environment. */
function defaultEnvironment(environments: EnvironmentJson[] | undefined, target: DeployTarget): EnvironmentJson | null {
  if (!environments) return null;
  return target.kind === "version" ? firstEnvironmentNotRunning(environments, target.version.id) : (environments[0] ?? null);
}
