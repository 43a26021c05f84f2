import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { Workspace } from "@/components/workspace/workspace";
import { getDb } from "@/lib/db/client";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await loadProject((await params).slug);
  return { title: project ? `${project.name} · Draftline` : "Draftline" };
}

export default async function ProjectPage({ params }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  if (!project) notFound();
  const files = await listDraftFiles(await getDb(), project.id);
  return <Workspace project={project} initialFiles={files} />;
}
