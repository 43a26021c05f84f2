"use client";

import { useId, type FormEvent } from "react";
import { DRAFT_REF } from "@/components/compare/queries";
import { useDeployPreview } from "@/components/environments/queries";
import { RestoreSettingsChoice } from "@/components/environments/restore-settings-choice";
import type { SettingsComparisonJson } from "@/lib/deployments/deployment-json";
import type { EnvironmentJson } from "@/lib/environments/environment-json";
import { Button } from "@/components/ui/button";
import { ApprovalNotice } from "@/components/requests/approval-notice";
import { TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useLatestVersion } from "@/components/versions/queries";
import { VersionFields, type VersionFieldsState } from "@/components/versions/version-fields";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import type { NamingConvention } from "@/lib/naming/conventions";
import type { DeployTarget } from "./deploy-request";
import { DeployChanges } from "./deploy-changes";

interface DeployFormProps {
  slug: string;
  convention: NamingConvention;
  environments: EnvironmentJson[] | undefined;
  environmentsError: string | null;
  environment: EnvironmentJson | null;
  onEnvironmentChange: (environmentId: string) => void;
  target: DeployTarget;
  fields: VersionFieldsState;
  serverMatch: VersionRef | null;
  formError: string | null;
  /** For a protected environment: the note to the approvers. */
  note: string;
  onNoteChange: (note: string) => void;
  pending: boolean;
  onSubmit: () => void;
  onDeployVersion: (version: VersionRef) => void;
  onCancel: () => void;
  /** Offered when the version ran in this environment before with recorded settings (see useRestoreSettingsChoice). */
  restoreSettings: { comparison: SettingsComparisonJson; checked: boolean; onCheckedChange: (checked: boolean) => void } | null;
}

export function DeployForm(props: DeployFormProps) {
  const { slug, convention, environments, environmentsError, environment, onEnvironmentChange, target, fields } = props;
  const { serverMatch, formError, note, onNoteChange, pending, onSubmit, onDeployVersion, onCancel, restoreSettings } = props;
  const requested = (environment?.requiredApprovals ?? 0) > 0;
  const selectId = useId();
  const { latest, isPending: latestPending } = useLatestVersion(slug);
  const preview = useDeployPreview(slug, environment?.id ?? null, target.kind === "version" ? target.version.id : null);
  const active = environment?.activeVersion ?? null;
  const match = target.kind === "draft" ? (serverMatch ?? preview.data?.draftMatches ?? null) : null;
  const alreadyActive = target.kind === "version" ? active?.id === target.version.id : match !== null && match.id === active?.id;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (match) onDeployVersion(match);
    else if (!alreadyActive) onSubmit();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
          Environment
        </label>
        <select
          id={selectId}
          value={environment?.id ?? ""}
          onChange={(event) => onEnvironmentChange(event.target.value)}
          aria-describedby={`${selectId}-hint`}
          className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
        >
          {environments?.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          )) ?? <option value="">Loading environments…</option>}
        </select>
        <p id={`${selectId}-hint`} className="text-xs text-slate-600">
          {environmentsError
            ? `The environments could not be loaded: ${environmentsError}`
            : !environment
              ? environments
                ? "This project has no environments to deploy to."
                : "Loading environments…"
              : active
                ? `${environment.name} runs ${active.name} (#${active.number}) now.`
                : `Nothing runs in ${environment.name} yet.`}
        </p>
      </div>

      <p className="text-sm text-slate-700">
        {latestPending ? "Latest version: …" : latest ? `Latest version: #${latest.number} · ${latest.name}` : "No versions yet"}
      </p>

      {target.kind === "version" ? (
        <p className="text-sm text-slate-700">
          {target.promoteFrom
            ? `Promotes ${target.version.name} (#${target.version.number}), which runs in ${target.promoteFrom.name}. No version is created.`
            : `Deploys ${target.version.name} (#${target.version.number}) as it is. No version is created.`}
        </p>
      ) : match ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          The latest draft has no changes since {match.name} (#{match.number}).{" "}
          {match.id === active?.id
            ? `${environment?.name ?? "This environment"} already runs it: there is nothing new to deploy.`
            : `Deploy ${match.name} instead of creating an identical version.`}
        </p>
      ) : (
        <VersionFields fields={fields} convention={convention} descriptionRows={3} />
      )}

      {target.kind === "version" && alreadyActive && environment ? (
        <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {environment.name} already runs {target.version.name}. Choose another environment.
        </p>
      ) : null}

      {environment && !alreadyActive ? <DeployChanges
          slug={slug}
          to={target.kind === "version" ? target.version.id : DRAFT_REF}
          environmentName={environment.name}
          preview={preview}
        /> : null}

      {environment && restoreSettings && target.kind === "version" && !alreadyActive ? (
        <RestoreSettingsChoice {...restoreSettings} environmentName={environment.name} targetName={target.version.name} />
      ) : null}

      {environment && requested && !alreadyActive ? (
        <>
          <ApprovalNotice environment={environment} />
          <TextAreaField label="Note for approvers" rows={2} maxLength={2000} value={note} onChange={(event) => onNoteChange(event.target.value)} />
        </>
      ) : null}

      <FormError>{formError}</FormError>

      <div className="flex items-center justify-end gap-2">
        <p role="status" className="mr-auto text-xs text-slate-600">
          {pending ? (requested ? "Requesting…" : "Deploying…") : ""}
        </p>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        {match && !alreadyActive ? (
          <Button type="submit" variant="primary" aria-disabled={pending} className="aria-disabled:opacity-70">
            {requested ? `Request deployment of ${match.name}` : `Deploy ${match.name}`}
          </Button>
        ) : !alreadyActive ? (
          <Button type="submit" variant="primary" aria-disabled={pending || !environment} className="aria-disabled:opacity-70">
            {requested ? "Request deployment" : "Deploy"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
