"use client";

import { MutationCache, QueryCache, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isUnauthenticated, signInAgain } from "@/components/auth/sign-in-again";
import { AppQueryClient } from "@/lib/http/app-query-client";
import { describeFailure, isWorthRetrying } from "@/lib/http/describe-failure";
import "@/lib/zod-without-eval";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new AppQueryClient({
        // A session that ended sends the person to sign in, from any load or change.
        queryCache: new QueryCache({ onError: (error) => isUnauthenticated(error) && signInAgain() }),
        // Server actions answer with a Result rather than throwing: its error says so too.
        mutationCache: new MutationCache({
          onError: (error) => isUnauthenticated(error) && signInAgain(),
          onSuccess: (data) => isUnauthenticated(refusalIn(data)) && signInAgain(),
        }),
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // Twice (after 1 s, then 2 s) for what may pass on its own; a refusal or a bug is final.
            retry: (failureCount, error) => failureCount < 2 && isWorthRetrying(error) && !isUnauthenticated(error),
            // A bug in a query function is reported by the error boundary, not shown as a failed load.
            throwOnError: (error) => describeFailure(error).kind === "bug",
          },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** The error a mutation's value carries, when it is a refused Result (or a refusal a hook passed on). */
function refusalIn(data: unknown): unknown {
  return typeof data === "object" && data !== null && "error" in data ? data.error : null;
}
