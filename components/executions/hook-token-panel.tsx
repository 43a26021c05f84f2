"use client";

import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { regenerateHookTokenAction } from "@/app/projects/[slug]/actions/executions/regenerate-hook-token";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";

interface HookTokenPanelProps {
  slug: string;
  environment: { id: string; name: string };
}

/** The environment's HTTP trigger: its address, and a new secret token, shown once, on request. */
export function HookTokenPanel({ slug, environment }: HookTokenPanelProps) {
  const headingId = useId();
  const tokenId = useId();
  const failureMessage = useFailureMessage();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const regenerate = useMutation({ mutationFn: () => regenerateHookTokenAction(slug, { environmentId: environment.id }) });
  const address = `/hooks/${encodeURIComponent(slug)}/${encodeURIComponent(environment.name)}/<workflow>`;

  async function renew() {
    if (regenerate.isPending) return;
    setError(null);
    try {
      const result = await regenerate.mutateAsync();
      if (result.ok) setToken(result.value.token);
      else setError(result.error.message);
    } catch (caught) {
      setError(failureMessage("No token was made.", caught));
    }
  }

  return (
    <div aria-labelledby={headingId} role="group" className="flex flex-col gap-2 text-sm">
      <h3 id={headingId} className="font-semibold text-slate-900">
        HTTP trigger
      </h3>
      <p className="text-slate-700">
        Other systems start a run at this server with <code className="break-all rounded bg-slate-100 px-1">POST {address}</code>, the input as a JSON body and the token as{" "}
        <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>.
      </p>
      {token ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={tokenId} className="font-medium text-slate-800">
            Trigger token
          </label>
          <input id={tokenId} readOnly value={token} className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 font-mono text-xs" onFocus={(event) => event.target.select()} />
          <p className="text-xs text-slate-600">Copy it now: it is not shown again. Only its hash is stored.</p>
        </div>
      ) : null}
      <FormError>{error}</FormError>
      <div>
        <Button variant="secondary" aria-disabled={regenerate.isPending} onClick={() => void renew()}>
          New trigger token
        </Button>
        <p className="mt-1 text-xs text-slate-600">A new token replaces the previous one at once.</p>
      </div>
    </div>
  );
}
