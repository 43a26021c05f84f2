// Helper for crash-test.mjs, run with tsx: `seed <dataDir> <slug>` or `check <dataDir> <expect.json>`.
// Opens the embedded database only while the server is NOT running (never two processes at once).
// Versions are read only through getVersionFiles, never through their storage tables.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openEmbedded } from "@/lib/db/connect";
import { MAX_FILES_PER_PROJECT } from "@/lib/files/limits";
import { createProject } from "@/lib/projects/create-project";
import { DEFAULT_ENVIRONMENTS } from "@/lib/projects/sample-project";
import { getVersionFiles } from "@/lib/versions/get-version-files";

const [mode, dataDir = "", arg = ""] = process.argv.slice(2);
const FILES = Number(process.env.CRASH_FILES ?? MAX_FILES_PER_PROJECT);
const conn = await openEmbedded(path.join(dataDir, "pglite"));
const db = conn.prisma;
const failures: string[] = [];

async function seed(slug: string) {
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `src/dir${Math.floor(i / 100)}/file${i}.ts`,
    content: `// file ${i}\n` + `export const v${i} = "${"x".repeat(60)}";\n`.repeat(28),
  }));
  const created = await createProject(db, { slug, name: "Crash", files, environments: DEFAULT_ENVIRONMENTS });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
}

/** The version's files, or null (with a failure noted) when the library cannot read it whole. */
async function versionFiles(project: { id: string; slug: string }, version: { id: string; number: number; fileCount: number }) {
  const files = await getVersionFiles(db, project.id, version.id).catch((error: unknown) => ({ ok: false as const, error: { message: String(error) } }));
  if (!files.ok) {
    failures.push(`${project.slug}: version ${version.number} unreadable: ${files.error.message}`);
    return null;
  }
  if (files.value.length !== version.fileCount) {
    failures.push(`${project.slug}: version ${version.number} has ${files.value.length} files, file_count ${version.fileCount}`);
  }
  return files.value;
}

async function check(expected: { slug: string; acked: Record<string, string> }) {
  const project = await db.project.findUniqueOrThrow({ where: { slug: expected.slug } });
  const draft = new Map(
    (await db.draftFile.findMany({ where: { projectId: project.id }, select: { path: true, content: true } })).map((file) => [file.path, file.content]),
  );
  // 1. every acknowledged save present with its content
  for (const [p, content] of Object.entries(expected.acked)) {
    if (draft.get(p) !== content) failures.push(`acknowledged save of ${p} lost`);
  }
  const report: Record<string, unknown> = {};
  for (const pr of await db.project.findMany()) {
    // 2. versions whole or absent; numbers 1..n without gaps (every project)
    const versions = await db.version.findMany({ where: { projectId: pr.id }, orderBy: { number: "asc" } });
    versions.forEach((v, i) => {
      if (v.number !== i + 1) failures.push(`${pr.slug}: version numbers have a gap at ${v.number}`);
    });
    for (const v of versions) {
      const files = await versionFiles(pr, v);
      if (pr.id !== project.id || !files) continue;
      // Nothing changed the crash project's draft after the deploy started: its version is the draft.
      if (v.fileCount !== FILES) failures.push(`version ${v.number} file_count ${v.fileCount} != ${FILES}`);
      const differing = files.filter((file) => draft.get(file.path) !== file.content).length + Math.max(0, draft.size - files.length);
      if (differing !== 0) failures.push(`version ${v.number}: ${differing} files differ from the draft`);
    }
    // 3. each environment's active version = version of its newest deployment
    let deployments = 0;
    for (const env of await db.environment.findMany({ where: { projectId: pr.id } })) {
      const newest = await db.deployment.findFirst({ where: { environmentId: env.id }, orderBy: { sequence: "desc" } });
      if ((newest?.versionId ?? null) !== env.activeVersionId) failures.push(`${pr.slug}/${env.name}: active version != newest deployment`);
      deployments += await db.deployment.count({ where: { environmentId: env.id } });
    }
    // 4. the deploy's version and its deployment are committed together or not at all
    if (pr.id === project.id) {
      if (deployments !== versions.length) failures.push(`${versions.length} versions but ${deployments} deployments`);
      Object.assign(report, { versions: versions.length, deployments });
    }
  }
  console.log(JSON.stringify({ ...report, failures }));
}

try {
  if (mode === "seed") await seed(arg);
  else await check(JSON.parse(readFileSync(arg, "utf8")) as { slug: string; acked: Record<string, string> });
} finally {
  await conn.close();
}
process.exit(failures.length ? 1 : 0);
