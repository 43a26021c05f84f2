"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deployLatestDraftAction } from "@/app/projects/[slug]/actions/deployments/deploy-latest-draft";
import { deployVersionAction } from "@/app/projects/[slug]/actions/deployments/deploy-version";
import { promoteEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/promote-environment";
import type { DeployedJson } from "@/lib/deployments/deployment-json";
import { environmentKeys } from "@/components/environments/queries";
import { useFlushDrafts } from "@/components/workspace/draft-context";
import type { DomainError } from "@/lib/result";

export type DeployCommand = (
  | { kind: "draft"; environmentId: string; name: string; description: string }
  | { kind: "version"; environmentId: string; versionId: string }
  | { kind: "promote"; fromEnvironmentId: string; toEnvironmentId: string; expectedVersionId: string }
) & {
  /** The user confirmed a deployment into production (see needsConfirmation). */
  confirmed?: boolean;
};

export type DeployOutcome =
  | { status: "deployed"; deployed: DeployedJson }
  | { status: "refused"; error: DomainError }
  /** The draft still holds edits the server has not acknowledged, so nothing was deployed. */
  | { status: "unsaved" };

/**
 * Runs one deployment. For the draft, pending edits are saved first so the new version holds
 * the last keystrokes. Network failures reject.
 */
export function useDeploy(slug: string) {
  const queryClient = useQueryClient();
  const flushDrafts = useFlushDrafts();
  return useMutation({
    mutationFn: async (command: DeployCommand): Promise<DeployOutcome> => {
      let result;
      if (command.kind === "draft") {
        if (!(await flushDrafts())) return { status: "unsaved" };
        const { environmentId, name, description, confirmed } = command;
        result = await deployLatestDraftAction(slug, { environmentId, name, description, confirmed });
      } else if (command.kind === "version") {
        const { environmentId, versionId, confirmed } = command;
        result = await deployVersionAction(slug, { environmentId, versionId, confirmed });
      } else {
        const { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed } = command;
        result = await promoteEnvironmentAction(slug, { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed });
      }
      return result.ok ? { status: "deployed", deployed: result.value } : { status: "refused", error: result.error };
    },
    onSuccess: (outcome) => {
      if (outcome.status === "deployed") void environmentKeys.invalidateAfterDeployment(queryClient, slug);
      // A refusal often means someone else deployed meanwhile: show what runs now.
      else if (outcome.status === "refused") void environmentKeys.invalidateAfterRefusedDeployment(queryClient, slug);
    },
  });
}
