"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { DomainError, Result } from "@/lib/result";
import { useFlushDrafts } from "./draft-context";

/** What every project mutation can answer besides its own success. */
export type NotDone =
  | { status: "refused"; error: DomainError }
  /** The draft still holds edits the server has not acknowledged, so nothing was done. */
  | { status: "unsaved" };

interface ProjectMutation<Input, Value, Done> {
  /** Whether the action snapshots the draft, so pending edits must be saved first. */
  savesDraftFirst: (input: Input) => boolean;
  action: (input: Input) => Promise<Result<Value>>;
  /** The success as the hook's callers see it. */
  done: (value: Value) => Done;
  /** The feature's invalidation (from its key factory) after a success, and after a refusal. */
  afterDone?: (queryClient: QueryClient, value: Value) => void;
  afterRefused?: (queryClient: QueryClient, error: DomainError) => void;
}

/**
 * The one shape of the workspace's mutations: save pending edits when the action snapshots the
 * draft, call the server action, map its Result, and run the feature's invalidation. Network
 * failures reject.
 */
export function useProjectMutation<Input, Value, Done>(mutation: ProjectMutation<Input, Value, Done>) {
  const queryClient = useQueryClient();
  const flushDrafts = useFlushDrafts();
  return useMutation({
    mutationFn: async (input: Input): Promise<Done | NotDone> => {
      if (mutation.savesDraftFirst(input) && !(await flushDrafts())) return { status: "unsaved" };
      const result = await mutation.action(input);
      if (!result.ok) {
        mutation.afterRefused?.(queryClient, result.error);
        return { status: "refused", error: result.error };
      }
      mutation.afterDone?.(queryClient, result.value);
      return mutation.done(result.value);
    },
  });
}
