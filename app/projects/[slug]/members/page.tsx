import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { MembersView } from "@/components/members/members-view";
import { getDb } from "@/lib/db/client";
import { toWire } from "@/lib/http/wire";
import { listMembers } from "@/lib/members/list-members";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await loadProject((await params).slug);
  return { title: project ? `Members · ${project.name} · Draftline` : "Draftline" };
}

/** Every member may see who is in the project (the layout has already refused anyone else). */
export default async function MembersPage({ params }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  if (!project) notFound();
  const members = await listMembers(await getDb(), project.id);
  return <MembersView project={project} initialMembers={toWire(members)} />;
}
