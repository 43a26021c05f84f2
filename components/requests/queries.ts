import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { setRequiredApprovalsAction } from "@/app/projects/[slug]/actions/environments/set-required-approvals";
import { approveRequestAction } from "@/app/projects/[slug]/actions/requests/approve-request";
import { cancelRequestAction } from "@/app/projects/[slug]/actions/requests/cancel-request";
import { rejectRequestAction } from "@/app/projects/[slug]/actions/requests/reject-request";
import { environmentKeys } from "@/components/environments/queries";
import type { ProjectActor } from "@/lib/auth/actor";
import { actorRefusal } from "@/lib/auth/refusal";
import { getJson } from "@/lib/http/get-json";
import type { DeploymentRequestJson } from "@/lib/requests/request-json";

export const requestKeys = {
  all: (slug: string) => ["projects", slug, "deployment-requests"] as const,
  /** After a request is made, decided or withdrawn: the list, and what runs where (an approval may deploy). */
  invalidateAfterChange: (queryClient: QueryClient, slug: string) =>
    Promise.all([queryClient.invalidateQueries({ queryKey: requestKeys.all(slug) }), environmentKeys.invalidateAfterDeployment(queryClient, slug)]),
};

export function useDeploymentRequests(slug: string) {
  return useQuery({
    queryKey: requestKeys.all(slug),
    queryFn: ({ signal }) => getJson<DeploymentRequestJson[]>(`/api/projects/${encodeURIComponent(slug)}/deployment-requests`, signal),
    retry: 1,
  });
}

/** What this person may do with a request: approve or reject it (someone else's), or cancel it (their own). */
export function requestActions(request: DeploymentRequestJson, actor: ProjectActor) {
  const open = request.status === "pending";
  const own = request.requestedBy.id === actor.id;
  const decided = request.decisions.some((decision) => decision.userId === actor.id);
  return {
    own,
    canDecide: open && !own && actor.id !== null && !decided && actorRefusal(actor, "approve") === null,
    canCancel: open && own,
  };
}

/** Pending requests this person can act on: the header's count. */
export function countActionable(requests: readonly DeploymentRequestJson[] | undefined, actor: ProjectActor): number {
  return (requests ?? []).filter((request) => {
    const actions = requestActions(request, actor);
    return actions.canDecide || actions.canCancel;
  }).length;
}

function useRequestMutation<Input, Output>(slug: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => void requestKeys.invalidateAfterChange(queryClient, slug) });
}

export function useApproveRequest(slug: string) {
  return useRequestMutation(slug, (input: { requestId: string; comment: string }) => approveRequestAction(slug, input));
}

export function useRejectRequest(slug: string) {
  return useRequestMutation(slug, (input: { requestId: string; comment: string }) => rejectRequestAction(slug, input));
}

export function useCancelRequest(slug: string) {
  return useRequestMutation(slug, (requestId: string) => cancelRequestAction(slug, { requestId }));
}

export function useSetRequiredApprovals(slug: string) {
  return useRequestMutation(slug, (input: { environmentId: string; requiredApprovals: number }) => setRequiredApprovalsAction(slug, input));
}
