import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "./create-project";
import { DEFAULT_ENVIRONMENTS, SAMPLE_PROJECT } from "./sample-project";

/** Adds the sample integration to an empty installation; does nothing once any project exists. */
export async function seedSampleProject(db: PrismaClient): Promise<boolean> {
  if ((await db.project.count()) > 0) return false;
  const created = await createProject(db, { ...SAMPLE_PROJECT, environments: DEFAULT_ENVIRONMENTS });
  if (!created.ok) throw new Error(`The sample project is invalid: ${created.error.message}`);
  return true;
}
