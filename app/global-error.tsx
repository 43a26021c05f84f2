"use client";

import { ErrorPage } from "@/components/ui/error-page";
import { ALL_PROJECTS } from "@/components/ui/status-page";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Draftline</title>
      </head>
      <body>
        <ErrorPage error={error} reset={reset} links={[ALL_PROJECTS]} />
      </body>
    </html>
  );
}
