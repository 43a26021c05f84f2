import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { ActivityView } from "@/components/activity/activity-view";
import { parseActivityCursor, parseActivityFilters } from "@/lib/audit/activity-filters";
import { listActivity } from "@/lib/audit/list-activity";
import { listActivityPeople } from "@/lib/audit/list-activity-people";
import { getDb } from "@/lib/db/client";
import { listEnvironmentNames } from "@/lib/environments/list-environment-names";
import { toWire } from "@/lib/http/wire";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await loadProject((await params).slug);
  return { title: project ? `Activity · ${project.name} · Draftline` : "Draftline" };
}

/** The project's activity log: every member may read it (the layout has checked membership). */
export default async function ActivityPage({ params, searchParams }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  if (!project) notFound();
  const query = await searchParams;
  const first = (name: string) => {
    const value = query[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  const filters = parseActivityFilters({ get: first });
  const cursor = parseActivityCursor({ get: first });
  const db = await getDb();
  const [people, environments] = await Promise.all([
    listActivityPeople(db, project.id),
    listEnvironmentNames(db, project.id),
  ]);
  const problem = !filters.ok ? filters.error.message : !cursor.ok ? cursor.error.message : null;
  const page = filters.ok && cursor.ok ? await listActivity(db, { projectId: project.id, filters: filters.value, cursor: cursor.value }) : null;
  return (
    <ActivityView
      project={project}
      filters={filters.ok ? filters.value : {}}
      page={page && toWire(page)}
      problem={problem}
      people={people}
      environments={environments}
    />
  );
}
