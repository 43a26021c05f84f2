import type { Actor } from "@/lib/auth/actor";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { SAMPLE_ERP_TOKEN, SAMPLE_SHOP_TOKEN } from "@/lib/sample-api/sample-tokens";
import { createVersion } from "@/lib/versions/create-version";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createProject } from "./create-project";
import { DEFAULT_ENVIRONMENTS, SAMPLE_HISTORY, SAMPLE_PROJECT } from "./sample-project";

const SYSTEM: Actor = { id: null, name: "Draftline" };
/** The environments whose integration.yaml values name the stub shop and ERP under /sample-api. */
const STUBBED = ["development", "staging"];

/**
 * Adds the sample integration to an empty installation; does nothing once any project exists.
 * Several instances starting at once on an empty server all find it empty: the first to
 * commit seeds it, the others' inserts meet its slug and they leave it at that. The one that
 * made it then adds its history (seedSampleHistory).
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
  if (created.ok) {
    await seedSampleHistory(db, created.value.id);
    return true;
  }
  if (created.error.code === "conflict" && (await seeded())) return false;
  throw new Error(`The sample project is invalid: ${created.error.message}`);
}

/**
 * What makes the sample run offline and tell a story: development and staging get the stub's
 * tokens as secrets, version 1.0.0 runs in development (manual there, so nothing runs unasked),
 * version 1.1.0 breaks order-sync on purpose, and the draft is 1.0.0 again.
 */
async function seedSampleHistory(db: PrismaClient, projectId: string): Promise<void> {
  const environments = await db.environment.findMany({ where: { projectId }, select: { id: true, name: true } });
  const byName = new Map(environments.map((environment) => [environment.name, environment.id]));
  try {
    for (const name of STUBBED) {
      const environmentId = byName.get(name)!;
      for (const [key, token] of [["SHOP_API_TOKEN", SAMPLE_SHOP_TOKEN], ["ERP_API_TOKEN", SAMPLE_ERP_TOKEN]] as const) {
        must(await setEnvironmentSetting(db, { projectId, environmentId, key, value: token, isSecret: true, mode: "create", actor: SYSTEM }));
      }
    }
  } catch (error) {
    // No secret key here (a database server in production without DRAFTLINE_SECRET_KEY): the
    // sample's runs then say which secret development lacks.
    console.warn(`The sample's secrets were not added: ${error instanceof Error ? error.message : String(error)}`);
  }
  const author = { author: SYSTEM.name, authorId: null, origin: "manual" as const };
  const good = must(await createVersion(db, { projectId, ...SAMPLE_HISTORY.good, ...author }));
  must(await deployVersion(db, { projectId, environmentId: byName.get("development")!, versionId: good.id, author: SYSTEM.name }));
  for (const file of SAMPLE_HISTORY.broken.files) {
    const current = await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path: file.path } }, select: { revision: true } });
    must(await saveDraftFile(db, { projectId, path: file.path, content: file.content, baseRevision: current.revision }));
  }
  must(await createVersion(db, { projectId, name: SAMPLE_HISTORY.broken.name, description: SAMPLE_HISTORY.broken.description, ...author }));
  must(await restoreVersion(db, { projectId, versionId: good.id, saveBackup: false, author: SYSTEM.name }));
}

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`The sample project's history could not be seeded: ${result.error.message}`);
  return result.value;
}
