"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { usePermission } from "@/components/auth/project-actor";
import { useDeployLauncher } from "@/components/deploy/deploy-context";
import { executionsPath } from "@/components/executions/executions-path";
import { HookTokenPanel } from "@/components/executions/hook-token-panel";
import { RunHealthBadge } from "@/components/executions/run-health-badge";
import { RunNowDialog } from "@/components/executions/run-now-dialog";
import { approvalsNeeded } from "@/components/requests/approval-notice";
import { ProtectionDialog } from "@/components/requests/protection-dialog";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { DeploymentHistory } from "./deployment-history";
import { RollForwardDialog } from "./roll-forward-dialog";
import { RollbackDialog } from "./rollback-dialog";
import { SettingsPanel } from "./settings-panel";
import { VersionPickerDialog } from "./version-picker-dialog";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

interface EnvironmentSectionProps {
  slug: string;
  environment: EnvironmentJson;
  /** Where "Promote to …" deploys this environment's version; null for the last environment. */
  next: EnvironmentJson | null;
}

/** One environment as a region named after it: what runs, its history, roll back or forward, deploy a version, promote, settings. */
export function EnvironmentSection({ slug, environment, next }: EnvironmentSectionProps) {
  const headingId = useId();
  const rollbackHintId = useId();
  const launcher = useDeployLauncher();
  /** The rollback dialog: to the previous version, or to the last healthy one. */
  const [rollback, setRollback] = useState({ toLastHealthy: false, open: false });
  const [rollingForward, setRollingForward] = useState(false);
  const healthyHintId = useId();
  const [picking, setPicking] = useState(false);
  const [running, setRunning] = useState(false);
  const runHintId = useId();
  const mayRun = usePermission("deploy");
  const [protecting, setProtecting] = useState(false);
  const administer = usePermission("administer");
  const protectionHintId = useId();
  const { activeVersion: active, lastDeployment: last, rollbackTarget, rollForwardTarget, healthyTarget, activeHealth } = environment;
  const rollbackDialogTarget = rollback.toLastHealthy ? (mayRun.allowed ? healthyTarget : null) : rollbackTarget;
  const canPromote = active !== null && next !== null && next.activeVersion?.id !== active.id;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-3">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {environment.name}
        </h2>
        {environment.requiredApprovals > 0 ? (
          <span className="rounded bg-sky-50 px-1.5 py-px text-xs font-medium text-sky-900 ring-1 ring-inset ring-sky-200">
            Protected · needs {approvalsNeeded(environment)}
          </span>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Link
            href={executionsPath(slug, environment.id)}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
          >
            Executions
          </Link>
          {mayRun.allowed && active ? (
            <Button variant="secondary" onClick={() => setRunning(true)}>
              Run now
            </Button>
          ) : (
            <>
              <Button variant="secondary" disabled aria-describedby={runHintId}>
                Run now
              </Button>
              <span id={runHintId} className="sr-only">
                {mayRun.reason ?? `Nothing is deployed to ${environment.name} yet.`}
              </span>
            </>
          )}
          {canPromote && launcher ? (
            <Button
              variant="secondary"
              onClick={() =>
                launcher.openDeploy({
                  target: { kind: "version", version: active, promoteFrom: { id: environment.id, name: environment.name } },
                  environmentId: next.id,
                })
              }
            >
              Promote to {next.name}
            </Button>
          ) : null}
          {rollbackTarget ? (
            <Button variant="secondary" onClick={() => setRollback({ toLastHealthy: false, open: true })}>
              Roll back to {rollbackTarget.name}
            </Button>
          ) : (
            <>
              <Button variant="secondary" disabled aria-describedby={rollbackHintId}>
                Roll back
              </Button>
              <span id={rollbackHintId} className="sr-only">
                There is no earlier version to roll back to.
              </span>
            </>
          )}
          {mayRun.allowed && healthyTarget ? (
            <Button variant="secondary" title={`Roll back to ${healthyTarget.name}`} onClick={() => setRollback({ toLastHealthy: true, open: true })}>
              Roll back to last healthy
            </Button>
          ) : (
            <>
              <Button variant="secondary" disabled aria-describedby={healthyHintId}>
                Roll back to last healthy
              </Button>
              <span id={healthyHintId} className="sr-only">
                {mayRun.reason ?? `No earlier version of ${environment.name} has recent runs here that all succeeded.`}
              </span>
            </>
          )}
          {rollForwardTarget ? (
            <Button variant="secondary" onClick={() => setRollingForward(true)}>
              Roll forward to {rollForwardTarget.name}
            </Button>
          ) : null}
          {launcher ? (
            <Button variant="secondary" onClick={() => setPicking(true)}>
              Deploy a version…
            </Button>
          ) : null}
          <Button
            variant="secondary"
            disabled={!administer.allowed}
            aria-describedby={administer.allowed ? undefined : protectionHintId}
            title={administer.reason ?? undefined}
            onClick={() => setProtecting(true)}
          >
            Protection
          </Button>
          {administer.reason ? (
            <span id={protectionHintId} className="sr-only">
              {administer.reason}
            </span>
          ) : null}
        </div>
      </div>
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Active version</h3>
            {active ? (
              <p className="mt-1 text-sm text-slate-800">
                <span className="text-base font-semibold">{active.name}</span>{" "}
                <span className="tabular-nums text-slate-600">#{active.number}</span>
                {last ? (
                  <span className="block text-xs text-slate-600">
                    {last.kind === "rollback" ? "Rolled back" : last.kind === "promote" ? "Promoted" : "Deployed"}{" "}
                    <RelativeTime date={last.when} /> by {last.author}
                  </span>
                ) : null}
                {activeHealth ? (
                  <span className="mt-1 flex items-center gap-1.5 text-xs text-slate-600">
                    <span aria-hidden>Its runs here</span>
                    <RunHealthBadge succeeded={activeHealth.succeeded} failed={activeHealth.failed} />
                  </span>
                ) : null}
              </p>
            ) : (
              <p className="mt-1 text-sm text-slate-600">Nothing is deployed to {environment.name} yet.</p>
            )}
          </div>
          <DeploymentHistory slug={slug} environmentId={environment.id} environmentName={environment.name} />
          {mayRun.allowed ? <HookTokenPanel slug={slug} environment={environment} /> : null}
        </div>
        <SettingsPanel slug={slug} environmentId={environment.id} environmentName={environment.name} isProtected={environment.requiredApprovals > 0} />
      </div>
      {mayRun.allowed && active ? <RunNowDialog slug={slug} environment={environment} open={running} onOpenChange={setRunning} /> : null}
      {rollbackDialogTarget ? (
        <RollbackDialog
          key={rollback.toLastHealthy ? "healthy" : "previous"}
          slug={slug}
          environment={environment}
          target={rollbackDialogTarget}
          toLastHealthy={rollback.toLastHealthy}
          open={rollback.open}
          onOpenChange={(open) => setRollback({ ...rollback, open })}
          onRolledBack={(deployed) => {
            setRollback({ ...rollback, open: false });
            launcher?.notify(deployed);
          }}
        />
      ) : null}
      {rollForwardTarget ? (
        <RollForwardDialog
          slug={slug}
          environment={environment}
          target={rollForwardTarget}
          open={rollingForward}
          onOpenChange={setRollingForward}
          onRolledForward={(deployed) => {
            setRollingForward(false);
            launcher?.notify(deployed);
          }}
        />
      ) : null}
      {protecting ? <ProtectionDialog slug={slug} environment={environment} open onOpenChange={setProtecting} /> : null}
      {launcher ? (
        <VersionPickerDialog
          slug={slug}
          environment={environment}
          open={picking}
          onOpenChange={setPicking}
          onPick={(version) => {
            setPicking(false);
            launcher.openDeploy({
              target: { kind: "version", version: { id: version.id, number: version.number, name: version.name } },
              environmentId: environment.id,
            });
          }}
        />
      ) : null}
    </section>
  );
}
