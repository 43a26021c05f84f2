import { useState } from "react";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { Result } from "@/lib/result";

/** Runs a file operation from a dialog: pending while it runs, the service's message if refused. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const failureMessage = useFailureMessage();

  async function submit(operation: () => Promise<Result<unknown>>): Promise<boolean> {
    setPending(true);
    setError(undefined);
    try {
      const result = await operation();
      if (!result.ok) setError(result.error.message);
      return result.ok;
    } catch (caught) {
      setError(failureMessage("Nothing was changed.", caught) ?? undefined);
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, error, submit };
}
