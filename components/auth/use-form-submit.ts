"use client";

import { useState, type FormEvent } from "react";
import type { DomainError, Result } from "@/lib/result";
import { describeFailure } from "@/lib/http/describe-failure";

/**
 * A form that calls one server action with its fields: pending state, the refusal's message and
 * per-field messages, a network failure said as such, and `onDone` with the action's value.
 */
export function useFormSubmit<T>(action: (fields: Record<string, string>) => Promise<Result<T>>, onDone: (value: T) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<DomainError | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].map(([name, value]) => [name, String(value)]));
    setPending(true);
    setError(null);
    try {
      const result = await action(fields);
      if (result.ok) {
        onDone(result.value);
        return;
      }
      setError(result.error);
    } catch (thrown) {
      const failure = describeFailure(thrown);
      if (failure.kind === "bug") throw thrown;
      setError({ code: "unexpected", message: failure.message });
    }
    setPending(false);
  };
  return { pending, error, onSubmit };
}
