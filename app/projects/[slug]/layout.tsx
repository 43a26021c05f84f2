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
  return (
    <ProjectActorProvider actor={actor}>
      {actor.twoFactorMissing ? (
        <p role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          This project requires two-factor sign-in of release managers and admins. You can read everything; to make changes, turn it on in{" "}
          <a href="/account" className="font-medium underline">
            Account settings
          </a>
          .
        </p>
      ) : null}
      {children}
    </ProjectActorProvider>
  );
}
