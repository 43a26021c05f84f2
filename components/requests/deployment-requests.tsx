"use client";

import { useState } from "react";
import { useProjectActor } from "@/components/auth/project-actor";
import { LoadFailed } from "@/components/environments/load-failed";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import type { DeploymentRequestJson } from "@/lib/requests/request-json";
import { DecisionDialog } from "./decision-dialog";
import { requestActions, useCancelRequest, useDeploymentRequests } from "./queries";

export const REQUESTS_REGION_ID = "deployment-requests";

const STATUS_STYLE: Record<DeploymentRequestJson["status"], string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  deployed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-red-50 text-red-800 ring-red-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  stale: "bg-slate-100 text-slate-700 ring-slate-300",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
};

const KIND_LABEL: Record<DeploymentRequestJson["kind"], string> = {
  deploy: "Deploy",
  promote: "Promote",
  rollback: "Roll back",
  roll_forward: "Roll forward",
};

/** The region listing the project's deployment requests, with what this person may do on each. */
export function DeploymentRequests({ slug }: { slug: string }) {
  const requests = useDeploymentRequests(slug);
  let body;
  if (requests.isPending) body = <p className="text-sm text-slate-600">Loading the requests…</p>;
  else if (requests.isError && !requests.data) {
    body = <LoadFailed what="The deployment requests" message={requests.error.message} onRetry={() => void requests.refetch()} />;
  } else if (requests.data.length === 0) {
    body = <p className="text-sm text-slate-600">No deployment requests. Deploying to a protected environment makes one.</p>;
  } else {
    body = (
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {requests.data.map((request) => (
          <RequestRow key={request.id} slug={slug} request={request} />
        ))}
      </ul>
    );
  }
  return (
    <section id={REQUESTS_REGION_ID} aria-labelledby={`${REQUESTS_REGION_ID}-heading`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <h2 id={`${REQUESTS_REGION_ID}-heading`} className="mb-3 text-base font-semibold text-slate-900">
        Deployment requests
      </h2>
      {body}
    </section>
  );
}

function RequestRow({ slug, request }: { slug: string; request: DeploymentRequestJson }) {
  const actor = useProjectActor();
  const { canDecide, canCancel } = requestActions(request, actor);
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const cancel = useCancelRequest(slug);
  const [error, setError] = useState<string | null>(null);
  const { version, environment, changes } = request;

  async function cancelIt() {
    if (cancel.isPending) return;
    setError(null);
    try {
      const result = await cancel.mutateAsync(request.id);
      if (!result.ok) setError(result.error.message);
    } catch {
      setError("The request was not cancelled: the server could not be reached. Try again.");
    }
  }

  return (
    <li className="flex flex-col gap-1.5 px-3 py-3 text-sm" aria-label={`${KIND_LABEL[request.kind]} ${version.name} to ${environment.name}`}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className={cn("inline-flex rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", STATUS_STYLE[request.status])}>{request.status}</span>
        <span className="text-slate-900">
          {KIND_LABEL[request.kind]} <span className="font-semibold">{version.name}</span>{" "}
          <span className="text-xs tabular-nums text-slate-600">#{version.number}</span> to <span className="font-semibold">{environment.name}</span>
        </span>
        <span className="text-xs text-slate-600">
          requested by {request.requestedBy.name} <RelativeTime date={request.createdAt} />
        </span>
        <span className="ml-auto text-xs tabular-nums text-slate-700">
          {request.approvals}/{request.requiredApprovals} approvals
        </span>
      </div>
      {changes ? (
        <p className="text-xs text-slate-600">
          Against what {environment.name} runs now: {changes.added} added, {changes.modified} modified, {changes.removed} removed
        </p>
      ) : null}
      {request.note ? <p className="whitespace-pre-wrap text-slate-800">{request.note}</p> : null}
      {request.reason ? <p className="text-xs text-slate-700">{request.reason}</p> : null}
      {request.decisions.length > 0 ? (
        <ul className="text-xs text-slate-700">
          {request.decisions.map((decision) => (
            <li key={decision.userId}>
              {decision.decision === "approve" ? "Approved" : "Rejected"} by {decision.userName}
              {decision.comment ? `: ${decision.comment}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      ) : null}
      {canDecide || canCancel ? (
        <div className="flex flex-wrap gap-2">
          {canDecide ? (
            <>
              <Button size="sm" variant="primary" onClick={() => setDeciding("approve")}>
                Approve
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setDeciding("reject")}>
                Reject
              </Button>
            </>
          ) : null}
          {canCancel ? (
            <Button size="sm" variant="secondary" aria-disabled={cancel.isPending} onClick={() => void cancelIt()}>
              Cancel request
            </Button>
          ) : null}
        </div>
      ) : null}
      {deciding ? <DecisionDialog slug={slug} request={request} decision={deciding} open onOpenChange={(open) => !open && setDeciding(null)} /> : null}
    </li>
  );
}
