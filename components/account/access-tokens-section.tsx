"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { revokeAccessTokenAction } from "@/app/actions/tokens/revoke-access-token";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { AccessTokenJson } from "@/lib/tokens/token-json";
import { CreateTokenButton, type TokenProjectOption } from "./create-token-dialog";

/**
 * Personal access tokens for the API: each with its scope, expiry and last use, and Revoke;
 * Create token opens a dialog that shows the new token once. The page re-reads the list from
 * the server after each change.
 */
export function AccessTokensSection({ tokens, projects }: { tokens: AccessTokenJson[]; projects: TokenProjectOption[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            Access tokens
          </h2>
          <p className="text-sm text-slate-600">
            Scripts and the command line use a token to call the <a className="text-indigo-700 underline" href="/api-reference">API</a> as you, with your role in each project.
          </p>
        </div>
        <CreateTokenButton projects={projects} />
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">You have no access tokens.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TokenRow({ token }: { token: AccessTokenJson }) {
  const router = useRouter();
  const revoke = useMutation({ mutationFn: revokeAccessTokenAction });
  const failureMessage = useFailureMessage();
  const [error, setError] = useState<string | null>(null);
  const expired = token.status === "expired";
  const state = token.status === "revoked" ? "Revoked" : expired ? "Expired" : null;

  async function revokeToken() {
    if (revoke.isPending) return;
    setError(null);
    try {
      const result = await revoke.mutateAsync({ tokenId: token.id });
      if (result.ok) router.refresh();
      else setError(result.error.message);
    } catch (caught) {
      setError(failureMessage("The token was not revoked.", caught));
    }
  }

  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" aria-label={token.name}>
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-2">
          <span className="truncate text-sm font-medium text-slate-900">{token.name}</span>
          <code className="text-xs text-slate-600">{token.hint}</code>
          {state ? <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">{state}</span> : null}
        </span>
        <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
          <div className="flex gap-1">
            <dt>Scope:</dt>
            <dd>{token.project ? token.project.name : "All your projects"}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{expired ? "Expired" : "Expires"}:</dt>
            <dd>
              <RelativeTime date={token.expiresAt} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Last used:</dt>
            <dd>{token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} /> : "never"}</dd>
          </div>
        </dl>
        <FormError>{error}</FormError>
      </div>
      {token.status === "revoked" ? null : (
        <Button variant="secondary" size="sm" className="self-start sm:self-auto" onClick={revokeToken} aria-disabled={revoke.isPending} aria-label={`Revoke ${token.name}`}>
          {revoke.isPending ? "Revoking…" : "Revoke"}
        </Button>
      )}
    </li>
  );
}
