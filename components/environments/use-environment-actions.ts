"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rollbackEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/rollback-environment";
import { rollForwardEnvironmentAction } from "@/app/projects/[slug]/actions/deployments/roll-forward-environment";
import { deleteEnvironmentSettingAction } from "@/app/projects/[slug]/actions/environments/delete-environment-setting";
import { setEnvironmentSettingAction } from "@/app/projects/[slug]/actions/environments/set-environment-setting";
import { requestKeys } from "@/components/requests/queries";
import { environmentKeys } from "./queries";

/** Rolls an environment back to what the user was shown; refreshes what runs where either way. */
export function useRollback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { environmentId: string; expectedVersionId: string; note?: string; bypassReason?: string }) =>
      rollbackEnvironmentAction(slug, input),
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
    mutationFn: (input: { environmentId: string; expectedVersionId: string; confirmed: boolean; note?: string }) => rollForwardEnvironmentAction(slug, input),
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
    mutationFn: (input: SettingInput) => setEnvironmentSettingAction(slug, { environmentId, ...input }),
    onSuccess: (result) => {
      if (result.ok) void environmentKeys.invalidateAfterSettingsChange(queryClient, slug, environmentId);
    },
  });
}

export function useDeleteSetting(slug: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteEnvironmentSettingAction(slug, { environmentId, key }),
    onSettled: () => void environmentKeys.invalidateAfterSettingsChange(queryClient, slug, environmentId),
  });
}
