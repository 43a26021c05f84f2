import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EnvironmentsView } from "@/components/environments/environments-view";
import { toWire } from "@/components/environments/wire";
import { getDb } from "@/lib/db/client";
import { listEnvironments } from "@/lib/environments/list-environments";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await getProjectBySlug(await getDb(), (await params).slug);
  return { title: project.ok ? `Environments · ${project.value.name} · Draftline` : "Draftline" };
}

export default async function EnvironmentsPage({ params }: Props) {
  await connection();
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) notFound();
  const environments = await listEnvironments(db, project.value.id);
  if (!environments.ok) notFound();
  return <EnvironmentsView project={project.value} initialEnvironments={toWire(environments.value)} />;
}
