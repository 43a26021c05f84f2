import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { EnvironmentsView } from "@/components/environments/environments-view";
import { getDb } from "@/lib/db/client";
import { listEnvironments } from "@/lib/environments/list-environments";
import { toWire } from "@/lib/http/wire";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await loadProject((await params).slug);
  return { title: project ? `Environments · ${project.name} · Draftline` : "Draftline" };
}

export default async function EnvironmentsPage({ params }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  if (!project) notFound();
  const environments = await listEnvironments(await getDb(), project.id);
  if (!environments.ok) notFound();
  return <EnvironmentsView project={project} initialEnvironments={toWire(environments.value)} />;
}
