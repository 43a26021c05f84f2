"use client";

import { useParams } from "next/navigation";
import { ALL_PROJECTS, StatusPage } from "@/components/ui/status-page";

export default function ProjectNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <StatusPage
      title="Project not found"
      message={`There is no project "${slug}". It may have been renamed, or the link may be mistyped.`}
      links={[ALL_PROJECTS]}
    />
  );
}
