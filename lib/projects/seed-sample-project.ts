import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "./create-project";
import { DEFAULT_ENVIRONMENTS, SAMPLE_PROJECT } from "./sample-project";

/**
 * Adds the sample integration to an empty installation; does nothing once any project exists.
 * Several instances starting at once on an empty server all find it empty: the first to
 * commit seeds it, the others' inserts meet its slug and they leave it at that.
 */
export async function seedSampleProject(db: PrismaClient): Promise<boolean> {
  const seeded = async () => (await db.project.count()) > 0;
  if (await seeded()) return false;
  let created: Awaited<ReturnType<typeof createProject>>;
  try {
    created = await createProject(db, { ...SAMPLE_PROJECT, environments: DEFAULT_ENVIRONMENTS });
  } catch (error) {
    if (await seeded()) return false;
    throw error;
  }
  if (created.ok) return true;
  if (created.error.code === "conflict" && (await seeded())) return false;
  throw new Error(`The sample project is invalid: ${created.error.message}`);
}
