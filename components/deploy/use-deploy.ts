"use client";

import { deployLatestDraftAction } from "@/app/projects/[slug]/actions/deployments/deploy-latest-draft";
import { deployVersionAction } from "@/app/projects/[slug]/actions/deployments/deploy-version";
import { promoteEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/promote-environment";
import { environmentKeys } from "@/components/environments/queries";
import { useProjectMutation, type NotDone } from "@/components/workspace/use-project-mutation";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";

export type DeployCommand = (
  | { kind: "draft"; environmentId: string; name: string; description: string }
  | { kind: "version"; environmentId: string; versionId: string }
  | { kind: "promote"; fromEnvironmentId: string; toEnvironmentId: string; expectedVersionId: string }
) & {
  /** The user confirmed a deployment into production (see needsConfirmation). */
  confirmed?: boolean;
};

export type DeployOutcome = { status: "deployed"; deployed: ActiveVersionChangeJson } | NotDone;

function send(slug: string, command: DeployCommand) {
  if (command.kind === "draft") {
    const { environmentId, name, description, confirmed } = command;
    return deployLatestDraftAction(slug, { environmentId, name, description, confirmed });
  }
  if (command.kind === "version") {
    const { environmentId, versionId, confirmed } = command;
    return deployVersionAction(slug, { environmentId, versionId, confirmed });
  }
  const { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed } = command;
  return promoteEnvironmentAction(slug, { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed });
}

/**
 * Runs one deployment. For the draft, pending edits are saved first so the new version holds
 * the last keystrokes.
 */
export function useDeploy(slug: string) {
  return useProjectMutation({
    savesDraftFirst: (command: DeployCommand) => command.kind === "draft",
    action: (command: DeployCommand) => send(slug, command),
    done: (deployed) => ({ status: "deployed" as const, deployed }),
    afterDone: (queryClient) => void environmentKeys.invalidateAfterDeployment(queryClient, slug),
    afterRefused: (queryClient) => void environmentKeys.invalidateAfterRefusedDeployment(queryClient, slug),
  });
}
