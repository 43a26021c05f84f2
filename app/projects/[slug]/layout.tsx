import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject, loadProjectActor } from "@/app/_entry/load-project";
import { ProjectActorProvider } from "@/components/auth/project-actor";

interface Props {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}

/** Every page of a project knows who is signed in and their role there; non-members see "not found". */
export default async function ProjectLayout({ children, params }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  // An unknown project: the page itself answers with the project's own "not found".
  if (!project) return children;
  const actor = await loadProjectActor(project);
  if (!actor) notFound();
  return <ProjectActorProvider actor={actor}>{children}</ProjectActorProvider>;
}
