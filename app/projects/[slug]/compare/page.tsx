import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { loadProject } from "@/app/_entry/load-project";
import { compareHref } from "@/components/compare/compare-href";
import { CompareView } from "@/components/compare/compare-view";
import { getDb } from "@/lib/db/client";
import { compareTrees } from "@/lib/versions/compare-trees";
import { listVersions } from "@/lib/versions/list-versions";
import { parseCompareSides } from "./parse-compare-sides";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function single(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await loadProject((await params).slug);
  return { title: project ? `Compare · ${project.name} · Draftline` : "Draftline" };
}

/** `?from=&to=` (each `draft` or a version id) and optionally `&file=`; a missing side defaults to the newest version → the draft. */
export default async function ComparePage({ params, searchParams }: Props) {
  await connection();
  const project = await loadProject((await params).slug);
  if (!project) notFound();
  const db = await getDb();
  const query = await searchParams;
  const [from, to, file] = [single(query.from), single(query.to), single(query.file)];
  if (from === undefined || to === undefined) {
    const newest = from === undefined ? (await listVersions(db, { projectId: project.id, limit: 1 })).items[0] : undefined;
    const href = compareHref(project.slug, from ?? newest?.id ?? "draft", to ?? "draft");
    redirect(file === undefined ? href : `${href}&file=${encodeURIComponent(file)}`);
  }
  // Rendered with the page, so the list shows at once and an unknown version is an error
  // state from the start, not a failed request in the browser.
  const sides = parseCompareSides(from, to);
  const result = sides.ok ? await compareTrees(db, project.id, sides.value.from, sides.value.to) : sides;
  return <CompareView project={{ slug: project.slug, name: project.name }} initial={{ from, to, result }} />;
}
