"use client";

import { deployLatestDraftAction } from "@/app/projects/[slug]/actions/deployments/deploy-latest-draft";
import { deployVersionAction } from "@/app/projects/[slug]/actions/deployments/deploy-version";
import { promoteEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/promote-environment";
import { environmentKeys } from "@/components/environments/queries";
import { requestKeys } from "@/components/requests/queries";
import { useProjectMutation, type NotDone } from "@/components/workspace/use-project-mutation";
import type { ActiveVersionChangeJson } from "@/lib/deployments/deployment-json";

export type DeployCommand = (
  | { kind: "draft"; environmentId: string; name: string; description: string }
  /** `restoreSettings`: the environment's settings go back to those the version last ran with there. */
  | { kind: "version"; environmentId: string; versionId: string; restoreSettings?: boolean }
  | { kind: "promote"; fromEnvironmentId: string; toEnvironmentId: string; expectedVersionId: string }
) & {
  /** The user confirmed a deployment into production (see needsConfirmation). */
  confirmed?: boolean;
  /** For a protected environment: the requester's note to the approvers. */
  note?: string;
};

export type DeployOutcome = { status: "deployed"; deployed: ActiveVersionChangeJson } | NotDone;

function send(slug: string, command: DeployCommand) {
  if (command.kind === "draft") {
    const { environmentId, name, description, confirmed, note } = command;
    return deployLatestDraftAction(slug, { environmentId, name, description, confirmed, note });
  }
  if (command.kind === "version") {
    const { environmentId, versionId, confirmed, note, restoreSettings } = command;
    return deployVersionAction(slug, { environmentId, versionId, confirmed, note, restoreSettings });
  }
  const { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed, note } = command;
  return promoteEnvironmentAction(slug, { fromEnvironmentId, toEnvironmentId, expectedVersionId, confirmed, note });
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
    afterDone: (queryClient) => void requestKeys.invalidateAfterChange(queryClient, slug),
    afterRefused: (queryClient) => void environmentKeys.invalidateAfterRefusedDeployment(queryClient, slug),
  });
}
