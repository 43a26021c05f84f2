import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newProject } from "@/lib/deployments/test-fixtures";
import { openEmbedded, type Connection } from "@/lib/db/connect";
import { createTestDb } from "@/lib/db/test-db";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { settingContext } from "@/lib/environments/setting-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { value } from "@/lib/testing/harness";
import { decryptSecret, secretKeyIdOf } from "@/lib/secrets/decrypt-secret";
import { deriveSecretKeys, PREVIOUS_SECRET_KEY_ENV, SECRET_KEY_ENV } from "@/lib/secrets/secret-key";

const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("base64");
const ROOT = path.join(import.meta.dirname, "..");

/** The embedded database in a folder of its own (closed while the command runs: one process at a time), or a new database on the test server. */
let folder: string;
let serverDb: Awaited<ReturnType<typeof createTestDb>> | undefined;
let databaseEnv: Record<string, string>;

async function open(): Promise<{ prisma: PrismaClient; close: () => Promise<void> }> {
  if (serverDb) return { prisma: serverDb.prisma, close: async () => {} };
  const connection: Connection = await openEmbedded(path.join(folder, "data", "pglite"));
  return connection;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run rotate-secret-key` as a person runs it, in a process of its own. */
function rotate(env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const childEnv = { NODE_ENV: "test" as const, PATH: process.env.PATH ?? "", HOME: folder, XDG_CONFIG_HOME: path.join(folder, "config"), ...databaseEnv, ...env };
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/rotate-secret-key.ts", ...args], { cwd: ROOT, env: childEnv });
    const run = { code: null as number | null, stdout: "", stderr: "" };
    child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ...run, code }));
  });
}

describe("npm run rotate-secret-key", () => {
  const environmentIds: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), "draftline-rotate-"));
    if (process.env.TEST_DATABASE_URL) {
      serverDb = await createTestDb();
      if (!("url" in serverDb)) throw new Error("expected a database on the test server");
      databaseEnv = { DATABASE_URL: serverDb.url };
    } else {
      databaseEnv = { DRAFTLINE_DATA_DIR: path.join(folder, "data") };
    }
    vi.stubEnv(SECRET_KEY_ENV, OLD);
    vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, "");
    const db = await open();
    for (const label of ["one", "two", "three"]) {
      const project = await newProject(db.prisma, `rotate-script-${label}`);
      for (const environmentId of Object.values(project.environments)) {
        environmentIds.push(environmentId);
        value(await setEnvironmentSetting(db.prisma, { projectId: project.projectId, environmentId, key: "API_TOKEN", value: `token-${environmentId}`, isSecret: true, mode: "create", actor: { id: null, name: "setup" } }));
      }
    }
    await db.close();
    vi.unstubAllEnvs();
  }, 120_000);

  afterAll(async () => {
    await serverDb?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("refuses without the previous key, and names what to set", async () => {
    const run = await rotate({ [SECRET_KEY_ENV]: NEW });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Set DRAFTLINE_PREVIOUS_SECRET_KEY to the key the data was saved with");
  }, 60_000);

  it("re-encrypts in batches, printing progress and the counts, exits, and changes nothing when run again", async () => {
    const keys = { [SECRET_KEY_ENV]: NEW, [PREVIOUS_SECRET_KEY_ENV]: OLD };
    const run = await rotate(keys, ["--batch-size", "4"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [oldId, newId] = [deriveSecretKeys(Buffer.from(OLD, "base64")).id, deriveSecretKeys(Buffer.from(NEW, "base64")).id];
    expect(run.stdout).toContain(`Rotating the secret key from key ${oldId} to key ${newId}.`);
    // 9 environments of one secret and one revision entry each, 4 rows a batch: 5 batches.
    expect(run.stdout.match(/^Batch \d+: \d of 9 environments done, \d+ rows rewritten\.$/gm)).toHaveLength(5);
    expect(run.stdout).toContain(`Done: everything is under key ${newId}. 9 environments, 9 secrets, 0 plain values, 9 revision entries`);
    expect(run.stdout).toContain("18 rows rewritten by this run");

    const newKeys = deriveSecretKeys(Buffer.from(NEW, "base64"));
    const db = await open();
    try {
      const rows = await db.prisma.environmentSetting.findMany({ where: { environmentId: { in: environmentIds } }, select: { environmentId: true, key: true, encryptedValue: true } });
      expect(rows).toHaveLength(9);
      for (const row of rows) {
        expect(secretKeyIdOf(row.encryptedValue!)).toBe(newKeys.id);
        expect(decryptSecret(row.encryptedValue!, settingContext(row.environmentId, row.key), newKeys)).toBe(`token-${row.environmentId}`);
      }
    } finally {
      await db.close();
    }

    const again = await rotate(keys);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 rows rewritten by this run");
  }, 180_000);
});
