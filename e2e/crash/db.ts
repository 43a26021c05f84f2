// Helper for crash-test.mjs, run with tsx: `seed <dataDir> <slug>` or `check <dataDir> <expect.json>`.
// expect.json says what was interrupted (`kind`: a deploy, a version or a burst of saves) and what the
// server acknowledged before the kill.
// Opens the embedded database only while the server is NOT running (never two processes at once).
// Versions are read only through getVersionFiles, never through their storage tables.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openEmbedded } from "@/lib/db/connect";
import { MAX_FILES_PER_PROJECT } from "@/lib/files/limits";
import { seedDemoUsers } from "@/lib/auth/seed-demo-users";
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
  // The crash test signs in as the demo admin (crash-test.mjs).
  await seedDemoUsers(db, slug);
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

interface Expected {
  slug: string;
  kind: "deploy" | "version" | "saves";
  /** path → content of every acknowledged save (each file saved at most once after the last one listed here). */
  acked: Record<string, string>;
  /** path → the revision the server answered for that save, where it was recorded. */
  revisions?: Record<string, number>;
  /** path → [content before, content sent] of saves sent but never answered: either may be stored, nothing else. */
  unanswered?: Record<string, [string, string]>;
}

async function check(expected: Expected) {
  const project = await db.project.findUniqueOrThrow({ where: { slug: expected.slug } });
  const rows = await db.draftFile.findMany({ where: { projectId: project.id }, select: { path: true, content: true, revision: true } });
  const draft = new Map(rows.map((file) => [file.path, file.content]));
  const revision = new Map(rows.map((file) => [file.path, file.revision]));
  // 1. every acknowledged save present with its content and the revision it was answered with
  for (const [p, content] of Object.entries(expected.acked)) {
    if (draft.get(p) !== content) failures.push(`acknowledged save of ${p} lost`);
    const answered = expected.revisions?.[p];
    if (answered !== undefined && revision.get(p) !== answered) failures.push(`${p} has revision ${revision.get(p)}, its save was answered with ${answered}`);
  }
  // 1b. an unanswered save landed whole or not at all; revisions stay unique
  let landed = 0;
  for (const [p, [before, sent]] of Object.entries(expected.unanswered ?? {})) {
    const stored = draft.get(p);
    if (stored === sent) landed += 1;
    else if (stored !== before) failures.push(`${p} holds neither its old content nor the unanswered save`);
  }
  if (new Set(revision.values()).size !== revision.size) failures.push("two draft files share a revision");
  const report: Record<string, unknown> = expected.unanswered ? { unanswered: Object.keys(expected.unanswered).length, unansweredLanded: landed } : {};
  for (const pr of await db.project.findMany()) {
    // 2. versions whole or absent; numbers 1..n without gaps (every project)
    const versions = await db.version.findMany({ where: { projectId: pr.id }, orderBy: { number: "asc" } });
    versions.forEach((v, i) => {
      if (v.number !== i + 1) failures.push(`${pr.slug}: version numbers have a gap at ${v.number}`);
    });
    for (const v of versions) {
      const files = await versionFiles(pr, v);
      if (pr.id !== project.id || !files) continue;
      // Nothing changed the crash project's draft after the deploy or version started: its version is the draft.
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
    // 4. a deploy's version and its deployment are committed together or not at all; a plain version or a
    // save makes no deployment, and a save no version
    if (pr.id === project.id) {
      const expectedDeployments = expected.kind === "deploy" ? versions.length : 0;
      if (deployments !== expectedDeployments) failures.push(`${versions.length} versions but ${deployments} deployments`);
      if (expected.kind === "saves" && versions.length !== 0) failures.push(`a burst of saves made ${versions.length} versions`);
      Object.assign(report, { versions: versions.length, deployments });
    }
  }
  console.log(JSON.stringify({ ...report, failures }));
}

try {
  if (mode === "seed") await seed(arg);
  else await check(JSON.parse(readFileSync(arg, "utf8")) as Expected);
} finally {
  await conn.close();
}
process.exit(failures.length ? 1 : 0);
