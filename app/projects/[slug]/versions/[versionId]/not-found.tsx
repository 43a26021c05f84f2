"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

export default function VersionNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold text-slate-900">Version not found</h1>
      <p className="mt-2 text-slate-600">
        This version does not exist in this project. It may belong to another project, or the link may be mistyped.
      </p>
      <p className="mt-4 flex gap-4 text-sm">
        <Link className="font-medium text-indigo-700 underline-offset-2 hover:underline" href={`/projects/${encodeURIComponent(slug)}`}>
          Back to latest draft
        </Link>
        <Link className="text-indigo-700 underline-offset-2 hover:underline" href="/">
          All projects
        </Link>
      </p>
    </main>
  );
}
