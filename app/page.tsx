import type { Metadata } from "next";
import { connection } from "next/server";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { NewProjectButton } from "@/components/projects/new-project-dialog";
import { ProjectList } from "@/components/projects/project-list";
import { SiteHeader } from "@/components/ui/site-header";
import { getDb } from "@/lib/db/client";
import { canCreateProjects, listProjectsForUser } from "@/lib/projects/list-projects-for-user";

export const metadata: Metadata = { title: "Projects · Draftline" };

/**
 * The projects the signed-in person belongs to (the owner: all), always as a list, even with
 * one: it is where New project lives and where every project's header leads back to.
 */
export default async function HomePage() {
  await connection();
  const user = await getSignedInUser();
  const db = await getDb();
  const [projects, canCreate] = user ? await Promise.all([listProjectsForUser(db, user), canCreateProjects(db, user)]) : [[], false];
  return (
    <div className="min-h-dvh bg-slate-50">
      <SiteHeader />
      <main className="mx-auto max-w-2xl px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold text-slate-900">Projects</h1>
          {canCreate ? <NewProjectButton /> : null}
        </div>
        <ProjectList projects={projects} />
      </main>
    </div>
  );
}
