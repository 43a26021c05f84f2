"use client";

import { useParams } from "next/navigation";
import { ErrorPage } from "@/components/ui/error-page";
import { ALL_PROJECTS, projectLink } from "@/components/ui/status-page";

export default function ProjectError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return <ErrorPage error={error} reset={reset} links={[projectLink(slug), ALL_PROJECTS]} />;
}
