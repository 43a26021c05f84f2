"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { environmentsByVersion, useEnvironments } from "@/components/environments/queries";
import type { EnvironmentJson } from "@/lib/environments/environment-json";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";
import type { NamingConvention } from "@/lib/naming/conventions";
import { DeployDialog } from "./deploy-dialog";
import type { DeployRequest } from "./deploy-request";

interface DeployLauncher {
  /** Version id → names of the environments running it. */
  runningIn: ReadonlyMap<string, string[]>;
  openDeploy: (request: DeployRequest) => void;
  /** Shows "1.1.0 (#4) now runs in production." (or that it was requested) for a change made elsewhere (a rollback). */
  notify: (change: ActiveVersionChangeJson) => void;
}

const DeployContext = createContext<DeployLauncher | null>(null);

const NOTICE_MS = 8000;

interface DeployProviderProps {
  slug: string;
  convention: NamingConvention;
  initialEnvironments?: EnvironmentJson[];
  children: ReactNode;
}

/**
 * Owns the deploy dialog for everything beneath it (header button, popover rows, environment
 * panels), and the environments query that tells which version runs where.
 */
export function DeployProvider({ slug, convention, initialEnvironments, children }: DeployProviderProps) {
  const environments = useEnvironments(slug, initialEnvironments);
  // A fresh key per opening, so the dialog starts from a clean form each time.
  const [request, setRequest] = useState<(DeployRequest & { key: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<ActiveVersionChangeJson | null>(null);

  const openDeploy = useCallback((next: DeployRequest) => {
    setRequest({ ...next, key: Date.now() });
    setOpen(true);
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const runningIn = useMemo(() => environmentsByVersion(environments.data), [environments.data]);
  const launcher = useMemo(() => ({ runningIn, openDeploy, notify: setNotice }), [runningIn, openDeploy]);

  return (
    <DeployContext.Provider value={launcher}>
      {children}
      {request ? (
        <DeployDialog
          key={request.key}
          slug={slug}
          convention={convention}
          open={open}
          onOpenChange={setOpen}
          request={request}
          environments={environments.data}
          environmentsError={environments.error?.message ?? null}
          onDeployed={(deployed) => {
            setOpen(false);
            setNotice(deployed);
          }}
        />
      ) : null}
      <div role="status" className="pointer-events-none fixed bottom-4 right-4 z-30 max-w-sm">
        {notice ? (
          <p className="rounded-md bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
            {changeNotice(notice)}
          </p>
        ) : null}
      </div>
    </DeployContext.Provider>
  );
}

/** Null outside a DeployProvider: callers then offer no deploy actions. */
export function useDeployLauncher(): DeployLauncher | null {
  return useContext(DeployContext);
}

/** "1.1.0 (#4) now runs in production." or, for a protected environment, what happens next. */
export function changeNotice(change: ActiveVersionChangeJson): string {
  const { version, environment } = change;
  if (change.outcome === "deployed") return `${version.name} (#${version.number}) now runs in ${environment.name}.`;
  const approvals = change.requiredApprovals === 1 ? "1 approval" : `${change.requiredApprovals} approvals`;
  return `Requested: ${version.name} (#${version.number}) runs in ${environment.name} once it has ${approvals}.`;
}
