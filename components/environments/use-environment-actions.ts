"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rollbackEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/rollback-environment";
import { rollbackToLastHealthyAction } from "@/app/projects/[slug]/actions/deployments/rollback-to-last-healthy";
import { rollForwardEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/roll-forward-environment";
import { deleteEnvironmentSettingAction } from "@/app/projects/[slug]/actions/environments/delete-environment-setting";
import { setEnvironmentSettingAction } from "@/app/projects/[slug]/actions/environments/set-environment-setting";
import { requestKeys } from "@/components/requests/queries";
import { environmentKeys } from "./queries";

/**
 * Rolls an environment back to what the user was shown (the previous version, or with `toLastHealthy`
 * the newest earlier one whose recent runs there all succeeded); refreshes what runs where either way.
 */
export function useRollback(slug: string, toLastHealthy = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { environmentId: string; expectedVersionId: string; note?: string; bypassReason?: string; restoreSettings?: boolean }) =>
      (toLastHealthy ? rollbackToLastHealthyAction : rollbackEnvironmentAction)(slug, input),
    onSuccess: (result) => {
      if (result.ok) void requestKeys.invalidateAfterChange(queryClient, slug);
      else void environmentKeys.invalidateAfterRefusedDeployment(queryClient, slug);
    },
  });
}

/** Undoes the newest rollback, if it still re-activates what the user was shown; production needs `confirmed`. */
export function useRollForward(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { environmentId: string; expectedVersionId: string; confirmed: boolean; note?: string; restoreSettings?: boolean }) =>
      rollForwardEnvironmentAction(slug, input),
    onSuccess: (result) => {
      if (result.ok) void requestKeys.invalidateAfterChange(queryClient, slug);
      else void environmentKeys.invalidateAfterRefusedDeployment(queryClient, slug);
    },
  });
}

export interface SettingInput {
  key: string;
  value: string;
  isSecret: boolean;
  mode: "create" | "replace";
}

export function useSetSetting(slug: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingInput) =>
      setEnvironmentSettingAction(slug, { environmentId, baseRevision: environmentKeys.seenSettingsRevision(queryClient, slug, environmentId), ...input }),
    // A refusal may mean the settings changed meanwhile (a stale edit): show them as they are now. Awaited, so that
    // the next edit, made as soon as this one is done, is based on the revision this one made.
    onSettled: () => environmentKeys.invalidateAfterSettingsChange(queryClient, slug, environmentId),
  });
}

export function useDeleteSetting(slug: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) =>
      deleteEnvironmentSettingAction(slug, { environmentId, key, baseRevision: environmentKeys.seenSettingsRevision(queryClient, slug, environmentId) }),
    onSettled: () => environmentKeys.invalidateAfterSettingsChange(queryClient, slug, environmentId),
  });
}
