import { deflateSync } from "node:zlib";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { tableBytes } from "./databases";
import { createVersionOrThrow, dropProject, editDraftFile, loadProject } from "./fixtures";
import { GitRepo } from "./git-repo";
import { editedContent, generateProjectFiles } from "./project-files";
import { ratio } from "./timing";

const VERSION_TABLES = ["blobs", "versions", "trees"] as const;

/**
 * Bytes that a version changing one file of `size` adds to the database (the version tables
 * with their TOAST data and indexes) against the bytes the same commit adds to .git/objects,
 * as loose objects the way git writes them, and after `git gc` for reference. Tables grow
 * by whole 8 KB pages, so the figure is the average over `versions` such versions in a row,
 * each changing a different file.
 */
export async function benchVersionStorage(db: PrismaClient, size: number, versions: number, seed: number) {
  const files = generateProjectFiles(size, seed);
  const projectId = await loadProject(db, files);
  const repo = new GitRepo();
  try {
    repo.writeFiles(files);
    await createVersionOrThrow(db, projectId, "1.0.0");
    repo.commit();
    repo.gc();
    const gitBefore = repo.objectBytes();
    const tablesBefore = await tableBytes(db, VERSION_TABLES);

    const rows: RowBytes[] = [];
    for (let change = 1; change <= versions; change++) {
      const changed = files[Math.floor((size * change) / (versions + 1))]!;
      const edited = { path: changed.path, content: editedContent(changed.content, seed + change) };
      await editDraftFile(db, projectId, edited.path, edited.content);
      const stored = await newestIds(db);
      const version = await createVersionOrThrow(db, projectId, `1.0.${change}`);
      rows.push(await rowBytes(db, version.id, stored));
      repo.writeFiles([edited]);
      repo.commit();
    }

    const tablesAfter = await tableBytes(db, VERSION_TABLES);
    const gitLoose = (repo.objectBytes() - gitBefore) / versions;
    repo.gc();
    const gitPacked = (repo.objectBytes() - gitBefore) / versions;
    const perTable = Object.fromEntries(
      VERSION_TABLES.map((table) => [table, Math.round((tablesAfter[table]! - tablesBefore[table]!) / versions)]),
    );
    const database = Object.values(perTable).reduce((sum, bytes) => sum + bytes, 0);
    const average = (pick: (row: RowBytes) => number) => Math.round(rows.reduce((sum, row) => sum + pick(row), 0) / rows.length);
    return {
      files: size,
      versionsMeasured: versions,
      changedFileBytes: Buffer.byteLength(files[0]!.content),
      /** How well the generated files compress, one by one, with zlib as git does: compressed ÷ raw bytes. */
      contentZlibRatio: zlibRatio(files.map((file) => file.content)),
      databaseBytesPerVersion: database,
      databaseBytesPerVersionByTable: perTable,
      /** What the new rows themselves hold (pg_column_size), without page free space and indexes. */
      databaseRowBytesPerVersion: {
        version: average((row) => row.version),
        newTrees: average((row) => row.newTrees),
        newTreeRows: average((row) => row.newTreeRows),
        newBlobs: average((row) => row.newBlobs),
      },
      gitLooseBytesPerCommit: Math.round(gitLoose),
      gitPackedBytesPerCommitAfterGc: Math.round(gitPacked),
      ratioToGitLoose: ratio(database, gitLoose),
      ratioToGitPacked: ratio(database, gitPacked),
    };
  } finally {
    repo.remove();
    await dropProject(db, projectId);
  }
}

function zlibRatio(contents: string[]): number {
  const raw = contents.reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  const compressed = contents.reduce((sum, content) => sum + deflateSync(content).length, 0);
  return ratio(compressed, raw);
}

interface RowBytes {
  version: number;
  newTrees: number;
  newTreeRows: number;
  newBlobs: number;
}

interface NewestIds {
  tree: bigint;
  blob: bigint;
}

/** The highest tree and blob ids so far: rows a version adds have higher ones. */
async function newestIds(db: Db): Promise<NewestIds> {
  const [row] = await db.$queryRaw<NewestIds[]>`
    SELECT (SELECT coalesce(max(id), 0) FROM trees) AS tree, (SELECT coalesce(max(id), 0) FROM blobs) AS blob`;
  return row!;
}

async function rowBytes(db: Db, versionId: string, since: NewestIds): Promise<RowBytes> {
  const [row] = await db.$queryRaw<RowBytes[]>`
    SELECT (SELECT pg_column_size(v.*) FROM versions v WHERE v.id = ${versionId})::int AS version,
           (SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM trees t WHERE t.id > ${since.tree})::int AS "newTrees",
           (SELECT count(*) FROM trees t WHERE t.id > ${since.tree})::int AS "newTreeRows",
           (SELECT coalesce(sum(pg_column_size(b.*)), 0) FROM blobs b WHERE b.id > ${since.blob})::int AS "newBlobs"`;
  return row!;
}
