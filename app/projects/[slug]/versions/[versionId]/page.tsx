import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { VersionView } from "@/components/version-view/version-view";
import { getDb } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { getVersion } from "@/lib/versions/get-version";
import { toVersionJson } from "@/lib/versions/version-json";

interface Props {
  params: Promise<{ slug: string; versionId: string }>;
}

async function load({ params }: Props) {
  await connection();
  const { slug, versionId } = await params;
  if (!isId(versionId)) return null;
  const project = await loadProject(slug);
  if (!project) return null;
  const found = await getVersion(await getDb(), { projectId: project.id, versionId });
  return found.ok ? { project, ...found.value } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return { title: loaded ? `${loaded.version.name} · ${loaded.project.name} · Draftline` : "Version not found · Draftline" };
}

/** `/projects/:slug/versions/:versionId?file=…`: one version's files, read-only. */
export default async function VersionPage(props: Props) {
  const loaded = await load(props);
  if (!loaded) notFound();
  return <VersionView project={loaded.project} version={toVersionJson(loaded.version)} paths={loaded.paths} />;
}
