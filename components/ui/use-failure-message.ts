"use client";

import { useCallback, useState } from "react";
import { describeFailure } from "@/lib/http/describe-failure";

/**
 * For a catch around a request: `failureMessage("Nothing was deployed.", error)` says what did not
 * happen and why (network, server with its reference, refusal). A bug in our own code is no
 * failure of the request: it is rethrown into the nearest error boundary, which reports it.
 */
export function useFailureMessage(): (outcome: string, error: unknown) => string | null {
  const [, setCrash] = useState<null>(null);
  return useCallback((outcome: string, error: unknown) => {
    const failure = describeFailure(error);
    if (failure.kind === "bug") {
      // Thrown while rendering, so the error boundary sees it; from an event handler it would not.
      setCrash(() => {
        throw failure.error;
      });
      return null;
    }
    return `${outcome} ${failure.message}`;
  }, []);
}
