"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { Result } from "@/lib/result";
import { memberKeys } from "./queries";

/**
 * A change to the project's members through a server action: the members list refreshed
 * after it whether it was done or refused, and `error` saying what was not done and why.
 */
export function useMemberMutation<Input, Value>(slug: string, action: (slug: string, input: Input) => Promise<Result<Value>>, notDone: string) {
  const queryClient = useQueryClient();
  const failureMessage = useFailureMessage();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: (input: Input) => action(slug, input) });

  async function run(input: Input): Promise<Value | null> {
    if (mutation.isPending) return null;
    setError(null);
    try {
      const result = await mutation.mutateAsync(input);
      void memberKeys.invalidate(queryClient, slug);
      if (result.ok) return result.value;
      setError(result.error.message);
    } catch (caught) {
      setError(failureMessage(notDone, caught));
    }
    return null;
  }

  return { run, pending: mutation.isPending, error, clearError: () => setError(null) };
}
