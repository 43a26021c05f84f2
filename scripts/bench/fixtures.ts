import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { byteLength, hashContent } from "@/lib/files/hash-content";
import { MAX_FILES_PER_PROJECT } from "@/lib/files/limits";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { createVersion } from "@/lib/versions/create-version";
import { storeTree } from "@/lib/versions/store-tree";
import { treeHash } from "@/lib/versions/tree-hash";
import type { ProjectFile } from "./project-files";

let projects = 0;

/**
 * A new project holding `files` as its draft, through createProject. The product caps a
 * project at MAX_FILES_PER_PROJECT files; bigger benchmark projects get the rest of their
 * draft rows inserted directly, exactly as createProject would write them.
 */
export async function loadProject(
  db: PrismaClient,
  files: ProjectFile[],
  environments: readonly string[] = [],
): Promise<string> {
  const slug = `bench-${process.pid}-${++projects}`;
  const created = await createProject(db, { slug, name: slug, files: files.slice(0, MAX_FILES_PER_PROJECT), environments });
  if (!created.ok) throw new Error(`createProject failed: ${created.error.message}`);
  const projectId = created.value.id;
  const rest = files.slice(MAX_FILES_PER_PROJECT);
  for (let start = 0; start < rest.length; start += 500) {
    await db.draftFile.createMany({
      data: rest.slice(start, start + 500).map((file) => ({
        id: randomUUID(),
        projectId,
        path: file.path,
        content: file.content,
        contentHash: hashContent(file.content),
        size: byteLength(file.content),
        changedSinceBase: false,
      })),
    });
  }
  return projectId;
}

/** Deletes a project with its drafts and versions, and the trees and blobs nothing refers to any more. */
export async function dropProject(db: Db, projectId: string) {
  await db.$executeRaw`UPDATE projects SET draft_base_version_id = NULL WHERE id = ${projectId}`;
  await db.project.delete({ where: { id: projectId } });
  await db.$transaction([
    db.$executeRaw`
      CREATE TEMPORARY TABLE live_trees ON COMMIT DROP AS
      WITH RECURSIVE reachable (id) AS (
        SELECT root_tree_id FROM versions
        UNION
        SELECT split_part(line, E'\\t', 2)::bigint
        FROM reachable JOIN trees AS t ON t.id = reachable.id, unnest(string_to_array(t.entries, E'\\n')) AS line
        WHERE right(split_part(line, E'\\t', 1), 1) = '/'
      )
      SELECT id FROM reachable`,
    db.$executeRaw`
      DELETE FROM blobs WHERE id NOT IN (
        SELECT split_part(line, E'\\t', 2)::bigint
        FROM live_trees JOIN trees AS t ON t.id = live_trees.id, unnest(string_to_array(t.entries, E'\\n')) AS line
        WHERE right(split_part(line, E'\\t', 1), 1) <> '/')`,
    db.$executeRaw`DELETE FROM trees WHERE id NOT IN (SELECT id FROM live_trees)`,
  ]);
}

const DESCRIPTIONS = [
  "Added retry logic to order sync workflow",
  "Mapped new invoice fields for the ERP export",
  "Fixed timezone handling in shipment tracking",
  "Raised the page size of the customer import",
  "Switched carrier webhook to the v2 endpoint",
  "Backup before restoring an earlier version",
  "Renamed SKU mapping keys after catalog migration",
  "Deployed to staging for the pricing review",
];

/**
 * Appends `count` versions to a project with plain SQL, fast enough for 10,000: valid rows
 * (consecutive numbers, unique semver names, one small file each with a matching tree hash,
 * the project's counter advanced), as createVersion would leave them, minus the file bulk.
 */
export async function insertVersions(db: Db, projectId: string, count: number) {
  const filePath = "README.md";
  const content = `# README\nVersion history fixture for ${projectId}\n`;
  const hash = hashContent(content);
  await db.$executeRaw`
    INSERT INTO blobs (hash, content, size) VALUES (${hash}, ${content}, ${byteLength(content)}) ON CONFLICT (hash) DO NOTHING`;
  const blob = await db.blob.findUniqueOrThrow({ where: { hash }, select: { id: true } });
  const rootTreeId = await storeTree(db, [{ path: filePath, blobId: blob.id.toString() }]);
  await db.$executeRaw`
    WITH base AS (SELECT version_counter AS counter FROM projects WHERE id = ${projectId}),
    numbered AS (
      SELECT counter + n AS number FROM base, generate_series(1, ${count}::int) AS n
    )
    INSERT INTO versions (id, project_id, number, name, name_key, description, origin, author, file_count, total_size, tree_hash, root_tree_id, created_at)
    SELECT gen_random_uuid()::text, ${projectId}, number,
           format('%s.%s.%s', number / 1000, (number / 100) % 10, number % 100),
           format('%s.%s.%s', number / 1000, (number / 100) % 10, number % 100),
           (${DESCRIPTIONS}::text[])[1 + number % ${DESCRIPTIONS.length}] || ' (#' || number || ')',
           (ARRAY['manual', 'deployment', 'backup'])[1 + number % 3],
           'Bench author', 1, ${byteLength(content)},
           ${treeHash([{ path: filePath, contentHash: hash }])}, ${rootTreeId}::bigint,
           now() - make_interval(mins => ${count}::int - (number - (SELECT counter FROM base)))
    FROM numbered`;
  await db.$executeRaw`
    UPDATE projects SET version_counter = version_counter + ${count}::int WHERE id = ${projectId}`;
}

/** The id of version `number` of a project. */
export async function versionId(db: Db, projectId: string, number: number): Promise<string> {
  const version = await db.version.findUniqueOrThrow({ where: { projectId_number: { projectId, number } }, select: { id: true } });
  return version.id;
}

/** Creates a version of the draft, which must succeed. */
export async function createVersionOrThrow(db: PrismaClient, projectId: string, name: string) {
  const created = await createVersion(db, { projectId, name, description: "", origin: "manual", author: "Bench author" });
  if (!created.ok) throw new Error(`createVersion failed: ${created.error.message}`);
  return created.value;
}

/** Saves new content into a draft file, on top of whatever revision it has now. */
export async function editDraftFile(db: PrismaClient, projectId: string, filePath: string, content: string) {
  const current = await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path: filePath } }, select: { revision: true } });
  const saved = await saveDraftFile(db, { projectId, path: filePath, content, baseRevision: current.revision });
  if (!saved.ok) throw new Error(`saveDraftFile failed: ${saved.error.message}`);
  return saved.value.revision;
}
