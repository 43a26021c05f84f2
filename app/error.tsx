"use client";

import { ErrorPage } from "@/components/ui/error-page";
import { ALL_PROJECTS } from "@/components/ui/status-page";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage error={error} reset={reset} links={[ALL_PROJECTS]} />;
}
