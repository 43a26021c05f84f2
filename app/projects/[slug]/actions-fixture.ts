import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createInvite } from "@/lib/members/create-invite";
import { createProject } from "@/lib/projects/create-project";
import { save } from "@/lib/testing/draft-helpers";
import { testActor, value } from "@/lib/testing/harness";
import { newMember } from "@/lib/testing/people";
import { version } from "@/lib/testing/version-helpers";

export const SLUG = "under-attack";

export type FixtureIds = Record<
  | "project"
  | "development"
  | "staging"
  | "production"
  | "version"
  | "older"
  | "foreignEnvironment"
  | "foreignVersion"
  | "admin"
  | "builder"
  | "foreignMember"
  | "invite"
  | "foreignInvite",
  string
>;

/**
 * The app's own database (getDb, as server actions use it) in a fresh folder, holding the
 * project under attack ("own": two versions, both deployed to development and production,
 * production rolled back, a secret in development; members Ann (admin) and Bob (builder), an
 * open invite) and another project ("foreign", with its own member and invite). Call at
 * the top level of a test file; read `.db` and `.ids` inside tests.
 */
export function setupActionsProject(): { readonly db: PrismaClient; readonly ids: FixtureIds } {
  let folder: string;
  let db: PrismaClient | undefined;
  const ids = {} as FixtureIds;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "draftline-actions-"));
    process.env.DRAFTLINE_DATA_DIR = folder;
    delete process.env.DATABASE_URL;
    db = await getDb();
    const environments = ["development", "staging", "production"];
    const files = [
      { path: "README.md", content: "# Readme\n" },
      { path: "src/a.ts", content: "a\n" },
      { path: "integration.yaml", content: "workflows:\n  hello:\n    entry: workflows/hello.ts#hello\n" },
      { path: "workflows/hello.ts", content: "export function hello() {\n  return 1;\n}\n" },
    ];
    const own = value(await createProject(db, { slug: SLUG, name: "Under attack", files, environments }));
    const foreign = value(await createProject(db, { slug: "foreign", name: "Foreign", files: [{ path: "x.ts", content: "x\n" }], environments }));
    const envs = async (projectId: string) =>
      Object.fromEntries((await db!.environment.findMany({ where: { projectId } })).map((environment) => [environment.name, environment.id]));
    const ownEnvs = await envs(own.id);
    Object.assign(ids, {
      project: own.id,
      development: ownEnvs.development,
      staging: ownEnvs.staging,
      production: ownEnvs.production,
      older: (await version(db, own.id, "release-0.9")).id,
      foreignEnvironment: (await envs(foreign.id)).development,
      foreignVersion: (await version(db, foreign.id, "foreign-1.0")).id,
    });
    await save(db, own.id, "src/a.ts", "a2\n");
    ids.version = (await version(db, own.id, "release-1.0")).id;
    for (const versionId of [ids.older, ids.version]) {
      value(await deployVersion(db, { projectId: own.id, environmentId: ids.development, versionId, author: "setup" }));
      value(await deployVersion(db, { projectId: own.id, environmentId: ids.production, versionId, author: "setup" }));
    }
    // Production right after a rollback, so rolling it forward is possible.
    value(await rollbackEnvironment(db, { projectId: own.id, environmentId: ids.production, author: "setup" }));
    value(await setEnvironmentSetting(db, { projectId: own.id, environmentId: ids.development, key: "API_TOKEN", value: "secret-1234", isSecret: true, mode: "create", actor: testActor }));
    ids.admin = (await newMember(db, own.id, "admin", "Ann")).id;
    ids.builder = (await newMember(db, own.id, "builder", "Bob")).id;
    ids.foreignMember = (await newMember(db, foreign.id, "viewer", "Fay")).id;
    const system = { id: null, name: "setup" };
    ids.invite = value(await createInvite(db, { projectId: own.id, email: "pending@example.com", role: "viewer", createdBy: system })).id;
    ids.foreignInvite = value(await createInvite(db, { projectId: foreign.id, email: "pending@example.com", role: "viewer", createdBy: system })).id;
  });

  afterAll(async () => {
    await closeDb();
    await rm(folder, { recursive: true, force: true });
  });

  return {
    get db() {
      if (!db) throw new Error("setupActionsProject(): the database is open only inside tests and hooks.");
      return db;
    },
    ids,
  };
}

/**
 * A finished, successful run of the newer version in development (made once), so that it counts as
 * healthy there: once development runs the older one, "Roll back to last healthy" goes back to it.
 */
export async function succeededInDevelopment(db: PrismaClient, ids: FixtureIds): Promise<string> {
  const where = { environmentId: ids.development, versionId: ids.version, status: "succeeded" };
  if ((await db.execution.count({ where })) > 0) return "";
  const { number, name } = await db.version.findUniqueOrThrow({ where: { id: ids.version } });
  await db.execution.create({
    data: { ...where, id: randomUUID(), projectId: ids.project, versionNumber: number, versionName: name, workflow: "hello", trigger: "manual", logs: [], finishedAt: new Date() },
  });
  return "";
}

/** Every row of every table, as a digest per table: any insert, update or delete changes it. */
export async function everything(db: PrismaClient): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const rows = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await db.$queryRawUnsafe<Array<{ digest: string | null }>>(
        `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM "${name}" AS t`,
      );
      return [name, row?.digest ?? ""] as const;
    }),
  );
  return Object.fromEntries(rows);
}
