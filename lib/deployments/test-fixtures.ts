import { randomBytes } from "node:crypto";
import { expect, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { DEFAULT_ENVIRONMENTS } from "@/lib/projects/sample-project";
import { SECRET_KEY_ENV } from "@/lib/secrets/secret-key";
import { failure, newProject as newHarnessProject, value } from "@/lib/testing/harness";
import { createVersion } from "@/lib/versions/create-version";
import type { VersionSummary } from "@/lib/versions/version-summary";

// Helpers shared by the deployment and environment tests; imported only by *.test.ts files.

/** A random key for this test file, so tests never create or read secret.key in the real data folder. */
export function stubTestSecretKey(): string {
  const key = randomBytes(32).toString("base64");
  vi.stubEnv(SECRET_KEY_ENV, key);
  return key;
}

export { failure, value };

/** The outcome of a change that must have deployed at once (an unprotected environment), not become a request. */
export function deployedNow<T extends { outcome: string }>(result: Result<T>): Extract<T, { outcome: "deployed" }> {
  const outcome = value(result);
  if (outcome.outcome !== "deployed") throw new Error(`expected a deployment, got ${outcome.outcome}`);
  return outcome as Extract<T, { outcome: "deployed" }>;
}

export interface TestProject {
  projectId: string;
  /** development, staging, production → id */
  environments: Record<(typeof DEFAULT_ENVIRONMENTS)[number], string>;
}

/** A project with one draft file and the default environments. */
export async function newProject(db: PrismaClient, label: string): Promise<TestProject> {
  const projectId = await newHarnessProject(db, { "workflows/sync.ts": `export const project = "${label}";\n` }, DEFAULT_ENVIRONMENTS);
  const rows = await db.environment.findMany({ where: { projectId }, select: { id: true, name: true } });
  const environments = Object.fromEntries(rows.map((row) => [row.name, row.id])) as TestProject["environments"];
  return { projectId, environments };
}

/** Adds a file to the draft (so its tree differs from every earlier version) and snapshots it. */
export async function newVersion(db: PrismaClient, projectId: string, name: string): Promise<VersionSummary> {
  value(await createDraftFile(db, { projectId, path: `changes/${name}.txt`, content: `${name} ${randomBytes(4).toString("hex")}` }));
  return value(await createVersion(db, { projectId, name, origin: "manual", author: "ada@example.com" }));
}

export async function rowCounts(db: PrismaClient) {
  return {
    versions: await db.version.count(),
    deployments: await db.deployment.count(),
    settings: await db.environmentSetting.count(),
    blobs: await db.blob.count(),
    activeVersions: (await db.environment.findMany({ select: { id: true, activeVersionId: true }, orderBy: { id: "asc" } })).map(
      (environment) => `${environment.id}=${environment.activeVersionId}`,
    ),
  };
}

/**
 * Invariant 4, and the chain behind it: in sequence order each deployment's previous version
 * is the version of the one before it, and the active version is the newest one's.
 */
export async function expectConsistentHistory(db: PrismaClient, environmentId: string) {
  const deployments = await db.deployment.findMany({
    where: { environmentId },
    orderBy: { sequence: "asc" },
    select: { versionId: true, previousVersionId: true },
  });
  const environment = await db.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { activeVersionId: true } });
  expect(environment.activeVersionId).toBe(deployments.at(-1)?.versionId ?? null);
  if (deployments.length === 0) return deployments;
  expect(deployments.map((deployment) => deployment.previousVersionId)).toEqual([
    null,
    ...deployments.slice(0, -1).map((deployment) => deployment.versionId),
  ]);
  return deployments;
}
