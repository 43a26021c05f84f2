"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rollbackEnvironmentAction, rollForwardEnvironmentAction } from "@/app/projects/[slug]/deploy-actions";
import { deleteEnvironmentSettingAction, setEnvironmentSettingAction } from "@/app/projects/[slug]/environment-actions";
import { environmentKeys, invalidateAfterDeployment, invalidateAfterSettingsChange } from "./queries";

/** Rolls an environment back to what the user was shown; refreshes what runs where either way. */
export function useRollback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { environmentId: string; expectedVersionId: string }) => rollbackEnvironmentAction(slug, input),
    onSuccess: (result) => {
      if (result.ok) void invalidateAfterDeployment(queryClient, slug);
      else void queryClient.invalidateQueries({ queryKey: environmentKeys.all(slug) });
    },
  });
}

/** Undoes the newest rollback, if it still re-activates what the user was shown; production needs `confirmed`. */
export function useRollForward(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { environmentId: string; expectedVersionId: string; confirmed: boolean }) => rollForwardEnvironmentAction(slug, input),
    onSuccess: (result) => {
      if (result.ok) void invalidateAfterDeployment(queryClient, slug);
      else void queryClient.invalidateQueries({ queryKey: environmentKeys.all(slug) });
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
      if (result.ok) void invalidateAfterSettingsChange(queryClient, slug, environmentId);
    },
  });
}

export function useDeleteSetting(slug: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteEnvironmentSettingAction(slug, { environmentId, key }),
    onSettled: () => void invalidateAfterSettingsChange(queryClient, slug, environmentId),
  });
}
