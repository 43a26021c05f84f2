import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Workspace } from "@/components/workspace/workspace";
import { getDb } from "@/lib/db/client";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await getProjectBySlug(await getDb(), (await params).slug);
  return { title: project.ok ? `${project.value.name} · Draftline` : "Draftline" };
}

export default async function ProjectPage({ params }: Props) {
  await connection();
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) notFound();
  const files = await listDraftFiles(db, project.value.id);
  return <Workspace project={project.value} initialFiles={files} />;
}
