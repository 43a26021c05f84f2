import type { EnvironmentJson } from "@/lib/environments/environment-json";

/** "staging needs 1 approval": the change becomes a deployment request. */
export function approvalsNeeded(environment: Pick<EnvironmentJson, "requiredApprovals">): string {
  return environment.requiredApprovals === 1 ? "1 approval" : `${environment.requiredApprovals} approvals`;
}

/** Said in every dialog that changes a protected environment's active version. */
export function ApprovalNotice({ environment }: { environment: Pick<EnvironmentJson, "name" | "requiredApprovals"> }) {
  return (
    <p role="note" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950 ring-1 ring-inset ring-sky-200">
      {environment.name} is protected: this becomes a deployment request, and {environment.name} changes once it has {approvalsNeeded(environment)} from
      Release managers or Admins other than you.
    </p>
  );
}
