import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { listProjects } from "@/lib/projects/get-project-by-slug";

export default async function HomePage() {
  await connection();
  const projects = await listProjects(await getDb());
  if (projects.length === 1 && projects[0]) redirect(`/projects/${projects[0].slug}`);
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">Projects</h1>
      {projects.length === 0 ? (
        <p className="mt-4 text-slate-600">No projects yet. Run <code>npm run db:seed</code> to add the sample integration.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {projects.map((project) => (
            <li key={project.id}>
              <Link className="block px-4 py-3 hover:bg-slate-50" href={`/projects/${project.slug}`}>
                {project.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
