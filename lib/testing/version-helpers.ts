import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createVersion } from "@/lib/versions/create-version";
import { storeTree } from "@/lib/versions/store-tree";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { value } from "./harness";

/** A manual version of the project's current draft, by ada@example.com; throws unless it is created. */
export async function version(db: PrismaClient, projectId: string, name: string, description?: string): Promise<VersionSummary> {
  return value(await createVersion(db, { projectId, name, description, origin: "manual", author: "ada@example.com" }));
}

/** The id of the tree of an empty file set, for version rows a test inserts directly. */
export async function emptyTreeId(db: PrismaClient): Promise<bigint> {
  return BigInt(await storeTree(db, []));
}
