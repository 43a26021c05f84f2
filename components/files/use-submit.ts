import { useState } from "react";
import type { Result } from "@/lib/result";

/** Runs a file operation from a dialog: pending while it runs, the service's message if refused. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(operation: () => Promise<Result<unknown>>): Promise<boolean> {
    setPending(true);
    setError(undefined);
    try {
      const result = await operation();
      if (!result.ok) setError(result.error.message);
      return result.ok;
    } catch {
      setError("The server could not be reached. Nothing was changed; try again.");
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, error, submit };
}
