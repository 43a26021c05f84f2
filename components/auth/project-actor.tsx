"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ProjectActor } from "@/lib/auth/actor";
import { actorRefusal } from "@/lib/auth/refusal";
import type { Operation } from "@/lib/auth/roles";

const ProjectActorContext = createContext<ProjectActor | null>(null);

/** Who is signed in and their role in the project, for every component of the project's pages. */
export function ProjectActorProvider({ actor, children }: { actor: ProjectActor; children: ReactNode }) {
  return <ProjectActorContext.Provider value={actor}>{children}</ProjectActorContext.Provider>;
}

export function useProjectActor(): ProjectActor {
  const actor = useContext(ProjectActorContext);
  if (!actor) throw new Error("useProjectActor needs a ProjectActorProvider (app/projects/[slug]/layout.tsx).");
  return actor;
}

/**
 * Whether the signed-in member may do `operation`, and if not, the sentence that says who may:
 * hide or disable the control and show `reason` (the server refuses it anyway).
 */
export function usePermission(operation: Operation): { allowed: boolean; reason: string | null } {
  const reason = actorRefusal(useProjectActor(), operation);
  return { allowed: reason === null, reason };
}
