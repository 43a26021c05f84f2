import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { ExecutionsView } from "@/components/executions/executions-view";
import { getDb } from "@/lib/db/client";
import { isId } from "@/lib/ids";

interface Props {
  params: Promise<{ slug: string; environmentId: string }>;
}

async function load(params: Props["params"]) {
  const { slug, environmentId } = await params;
  const project = await loadProject(slug);
  if (!project || !isId(environmentId)) return null;
  const environment = await (await getDb()).environment.findFirst({ where: { id: environmentId, projectId: project.id }, select: { id: true, name: true } });
  return environment ? { project, environment } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const loaded = await load(params);
  return { title: loaded ? `Executions · ${loaded.environment.name} · ${loaded.project.name} · Draftline` : "Draftline" };
}

export default async function ExecutionsPage({ params }: Props) {
  await connection();
  const loaded = await load(params);
  if (!loaded) notFound();
  return <ExecutionsView project={{ slug: loaded.project.slug, name: loaded.project.name }} environment={loaded.environment} />;
}
