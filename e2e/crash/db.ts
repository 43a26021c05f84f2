// Helper for crash-test.mjs, run with tsx: `seed <dataDir> <slug>` or `check <dataDir> <expect.json>`.
// Opens the embedded database only while the server is NOT running (never two processes at once).
import { readFileSync } from "node:fs";
import path from "node:path";
import { openEmbedded } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { DEFAULT_ENVIRONMENTS } from "@/lib/projects/sample-project";

const [mode, dataDir = "", arg = ""] = process.argv.slice(2);
// The issue asks for 5,000 files but MAX_FILES_PER_PROJECT is 2,000 (createProject refuses more).
const FILES = Number(process.env.CRASH_FILES ?? 2000);
const conn = await openEmbedded(path.join(dataDir, "pglite"));
const db = conn.prisma;
const failures: string[] = [];
try {
  if (mode === "seed") {
    const files = Array.from({ length: FILES }, (_, i) => ({
      path: `src/dir${Math.floor(i / 100)}/file${i}.ts`,
      content: `// file ${i}\n` + `export const v${i} = "${"x".repeat(60)}";\n`.repeat(28),
    }));
    const created = await createProject(db, { slug: arg, name: "Crash", files, environments: DEFAULT_ENVIRONMENTS });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  } else {
    const expected = JSON.parse(readFileSync(arg, "utf8")) as { slug: string; acked: Record<string, string> };
    const project = await db.project.findUniqueOrThrow({ where: { slug: expected.slug } });
    // 1. every acknowledged save present with its content
    for (const [p, content] of Object.entries(expected.acked)) {
      const row = await db.draftFile.findUnique({ where: { projectId_path: { projectId: project.id, path: p } } });
      if (row?.content !== content) failures.push(`acknowledged save of ${p} lost`);
    }
    // 2. versions whole or absent; numbers 1..n without gaps (every project)
    const report: Record<string, unknown> = {};
    for (const pr of await db.project.findMany()) {
      const versions = await db.version.findMany({ where: { projectId: pr.id }, orderBy: { number: "asc" } });
      versions.forEach((v, i) => { if (v.number !== i + 1) failures.push(`${pr.slug}: version numbers have a gap at ${v.number}`); });
      for (const v of versions) {
        const n = await db.versionFile.count({ where: { versionId: v.id } });
        if (n !== v.fileCount) failures.push(`${pr.slug}: version ${v.number} has ${n} files, file_count ${v.fileCount}`);
      }
      if (pr.id === project.id) {
        report.versions = versions.length;
        for (const v of versions) {
          if (v.fileCount !== FILES) failures.push(`version ${v.number} file_count ${v.fileCount} != ${FILES}`);
          const mismatch = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
            `SELECT count(*) AS n FROM version_files vf JOIN blobs b ON b.hash = vf.blob_hash
             LEFT JOIN draft_files d ON d.project_id = $1 AND d.path = vf.path
             WHERE vf.version_id = $2 AND (d.content IS DISTINCT FROM b.content)`, project.id, v.id);
          const differing = Number(mismatch[0]?.n ?? 0);
          if (differing !== 0) failures.push(`version ${v.number}: ${differing} files differ from the draft`);
        }
      }
      // 3. each environment's active version = version of its newest deployment
      for (const env of await db.environment.findMany({ where: { projectId: pr.id } })) {
        const newest = await db.deployment.findFirst({ where: { environmentId: env.id }, orderBy: { sequence: "desc" } });
        if ((newest?.versionId ?? null) !== env.activeVersionId) failures.push(`${pr.slug}/${env.name}: active version != newest deployment`);
        if (pr.id === project.id) report[`deployments_${env.name}`] = await db.deployment.count({ where: { environmentId: env.id } });
      }
    }
    // 4. no version_files row without its blob
    const orphans = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM version_files vf LEFT JOIN blobs b ON b.hash = vf.blob_hash WHERE b.hash IS NULL`);
    const orphanCount = Number(orphans[0]?.n ?? 0);
    if (orphanCount !== 0) failures.push(`${orphanCount} version_files rows without blob`);
    console.log(JSON.stringify({ ...report, failures }));
  }
} finally {
  await conn.close();
}
process.exit(failures.length ? 1 : 0);
