import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createVersion } from "@/lib/versions/create-version";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { value } from "./harness";

/** A manual version of the project's current draft, by ada@example.com; throws unless it is created. */
export async function version(db: PrismaClient, projectId: string, name: string, description?: string): Promise<VersionSummary> {
  return value(await createVersion(db, { projectId, name, description, origin: "manual", author: "ada@example.com" }));
}
