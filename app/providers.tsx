"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { describeFailure, isWorthRetrying } from "@/lib/http/describe-failure";
import "@/lib/zod-without-eval";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // Twice (after 1 s, then 2 s) for what may pass on its own; a refusal or a bug is final.
            retry: (failureCount, error) => failureCount < 2 && isWorthRetrying(error),
            // A bug in a query function is reported by the error boundary, not shown as a failed load.
            throwOnError: (error) => describeFailure(error).kind === "bug",
          },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
