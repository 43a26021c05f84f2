"use client";

import { useParams } from "next/navigation";
import { ALL_PROJECTS, projectLink, StatusPage } from "@/components/ui/status-page";

export default function VersionNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <StatusPage
      title="Version not found"
      message="This version does not exist in this project. It may belong to another project, or the link may be mistyped."
      links={[projectLink(slug), ALL_PROJECTS]}
    />
  );
}
