import { expect } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { value } from "@/lib/testing/harness";
import { getVersionFiles } from "./get-version-files";
import { versionSummarySelect } from "./version-summary";

// Helpers shared by the version tests; imported only by *.test.ts files.

/** path → content of one version, read back through getVersionFiles. */
export async function versionContents(db: PrismaClient, projectId: string, versionId: string): Promise<Record<string, string>> {
  const files = value(await getVersionFiles(db, projectId, versionId));
  return Object.fromEntries(files.map((file) => [file.path, file.content]));
}

/** Every version in the database with all its stored fields and its files, keyed by id. */
export async function allVersions(db: PrismaClient) {
  const versions = await db.version.findMany({
    select: { ...versionSummarySelect, projectId: true, totalSize: true, treeHash: true, rootTreeId: true },
  });
  const snapshot: Record<string, { row: (typeof versions)[number]; files: Record<string, string> }> = {};
  for (const row of versions) snapshot[row.id] = { row, files: await versionContents(db, row.projectId, row.id) };
  return snapshot;
}

export type AllVersions = Awaited<ReturnType<typeof allVersions>>;

/** Invariant 1: every version that existed before is still there, exactly as it was; new ones may be added. */
export function expectVersionsKept(before: AllVersions, after: AllVersions) {
  const kept = Object.fromEntries(Object.keys(before).map((id) => [id, after[id]]));
  expect(kept).toEqual(before);
  expect(Object.keys(after).length).toBeGreaterThanOrEqual(Object.keys(before).length);
}
