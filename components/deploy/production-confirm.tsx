"use client";

import { useId, useState } from "react";
import type { EnvironmentJson } from "@/lib/environments/environment-json";
import { Button } from "@/components/ui/button";

interface ProductionConfirmProps {
  versionName: string;
  isNewVersion: boolean;
  environment: EnvironmentJson;
  pending: boolean;
  /** "Back" to the form this step came from; "Cancel" where there is none. */
  backLabel?: string;
  onBack: () => void;
  onConfirm: () => void;
}

/** The protected environment's wording: the confirmation asks for a request, not a deployment. */
function isProtected(environment: EnvironmentJson) {
  return environment.requiredApprovals > 0;
}

/** The second step before production: names the version and the environment, and asks for a tick. */
export function ProductionConfirm(props: ProductionConfirmProps) {
  const { versionName, isNewVersion, environment, pending, backLabel = "Back", onBack, onConfirm } = props;
  const [confirmed, setConfirmed] = useState(false);
  const checkboxId = useId();
  const active = environment.activeVersion;
  const requested = isProtected(environment);
  return (
    <form
      className="flex flex-col gap-4"
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmed && !pending) onConfirm();
      }}
    >
      <div className="rounded-md bg-amber-50 px-3 py-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-300">
        <p className="font-semibold">
          Deploy {versionName} to {environment.name}?
        </p>
        <p className="mt-1">
          {isNewVersion ? `A new version ${versionName} is created from the latest draft, and ` : ""}
          {environment.name} runs {versionName}
          {active ? ` instead of ${active.name} (#${active.number})` : ""}{" "}
          {requested ? "once the request you make now is approved." : "as soon as you confirm."}
        </p>
      </div>
      <div className="flex items-start gap-2">
        <input
          id={checkboxId}
          type="checkbox"
          autoFocus
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
          className="mt-0.5 h-4 w-4 accent-indigo-600"
        />
        <label htmlFor={checkboxId} className="text-sm text-slate-800">
          Yes, deploy {versionName} to {environment.name}
        </label>
      </div>
      <div className="flex items-center justify-end gap-2">
        <p role="status" className="mr-auto text-xs text-slate-600">
          {pending ? (requested ? "Requesting…" : "Deploying…") : ""}
        </p>
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {backLabel}
        </Button>
        <Button type="submit" variant="danger" disabled={!confirmed} aria-disabled={pending} className="aria-disabled:opacity-70">
          {requested ? "Request deployment" : "Deploy"}
        </Button>
      </div>
    </form>
  );
}
