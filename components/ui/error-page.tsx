"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "./button";
import { StatusPage, type StatusLink } from "./status-page";

/**
 * What an error boundary shows: a bug in this page or a server failure while rendering it.
 * A server error's `digest` is the reference Next logged it under.
 */
export function ErrorPage({ error, reset, links }: { error: Error & { digest?: string }; reset: () => void; links: StatusLink[] }) {
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  // A failure while rendering on the server needs the page fetched again, not only re-rendered.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const reference = error.digest ? ` (ref ${error.digest})` : "";
  return (
    <StatusPage
      title="Something went wrong"
      message={`This page ran into a problem${reference} and could not be shown. Your saved work is safe; edits not yet saved are kept in this browser.`}
      links={links}
    >
      <Button variant="primary" onClick={retry}>
        Try again
      </Button>
    </StatusPage>
  );
}
