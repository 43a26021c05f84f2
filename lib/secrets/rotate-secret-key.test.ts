import { randomBytes, randomUUID } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecrets, authSecretValue, authSecretVersion } from "@/lib/auth/auth-secrets";
import { describeEvent } from "@/lib/audit/describe-event";
import { compareSettingsFingerprint } from "@/lib/deployments/compare-settings-fingerprint";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { deployedNow, failure, newProject, newVersion, value, type TestProject } from "@/lib/deployments/test-fixtures";
import { readEnvironmentSecrets } from "@/lib/environments/read-environment-secrets";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { setRequiredApprovals } from "@/lib/environments/set-required-approvals";
import { settingContext } from "@/lib/environments/setting-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listDeploymentRequests } from "@/lib/requests/list-deployment-requests";
import { compareSettingsRevisions } from "@/lib/settings-revisions/compare-settings-revisions";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { decryptSecret, secretKeyIdOf } from "./decrypt-secret";
import { hashSettingValue } from "./hash-setting-value";
import { rotateSecretKey } from "./rotate-secret-key";
import { deriveSecretKeys, getSecretKeyring, PREVIOUS_SECRET_KEY_ENV, SECRET_KEY_ENV } from "./secret-key";

const OLD_MASTER = randomBytes(32);
const NEW_MASTER = randomBytes(32);
const oldKeys = deriveSecretKeys(OLD_MASTER);
const newKeys = deriveSecretKeys(NEW_MASTER);

/** What the app would run with: DRAFTLINE_SECRET_KEY and, during a rotation, DRAFTLINE_PREVIOUS_SECRET_KEY. */
function configureKeys(current: Buffer, previous?: Buffer) {
  vi.stubEnv(SECRET_KEY_ENV, current.toString("base64"));
  vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, previous ? previous.toString("base64") : "");
}

afterEach(() => vi.unstubAllEnvs());

const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const BACKUP_CODES = JSON.stringify(["abcde-12345", "fghij-67890"]);

/**
 * Under the old key: production ran 1.0.0 with one token and runs 2.0.0 with another (two
 * deployments' fingerprints, four revisions), staging is protected with a request waiting,
 * development holds a plain value, and one person has two-factor sign-in (encrypted the way
 * Better Auth did before it had versioned secrets).
 */
async function populate(db: PrismaClient, label: string) {
  configureKeys(OLD_MASTER);
  const project = await newProject(db, label);
  const set = (environment: keyof TestProject["environments"], key: string, text: string, isSecret = false, mode: "create" | "replace" = "create") =>
    setEnvironmentSetting(db, { projectId: project.projectId, environmentId: project.environments[environment], key, value: text, isSecret, mode, actor: testActor }).then(value);
  const production = project.environments.production;
  await set("production", "ERP_URL", "https://erp.example.com");
  await set("production", "ERP_API_TOKEN", "erp_live_old_0000aaaa", true);
  const v1 = await newVersion(db, project.projectId, "1.0.0");
  deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v1.id, author: "setup" }));
  await set("production", "ERP_API_TOKEN", "erp_live_new_1111bbbb", true, "replace");
  await set("production", "ERP_TIMEOUT", "30");
  const v2 = await newVersion(db, project.projectId, "2.0.0");
  deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v2.id, author: "setup" }));
  await set("staging", "SHOP_TOKEN", "shop_staging_2222cccc", true);
  await set("staging", "LIMIT", "5");
  await set("development", "DEBUG", "true");
  value(await setRequiredApprovals(db, { projectId: project.projectId, environmentId: project.environments.staging, requiredApprovals: 1, actor: testActor }));
  const requester = await db.user.create({ data: { id: randomUUID(), name: `builder-${label}`, email: `builder-${label}@example.com` } });
  const requested = value(
    await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: v1.id, author: requester.name, authorId: requester.id, role: "builder" }),
  );
  if (requested.outcome !== "requested") throw new Error("expected a request");
  await db.twoFactor.create({
    data: {
      userId: requester.id,
      secret: await symmetricEncrypt({ key: authSecretValue(oldKeys), data: TOTP_SECRET }),
      backupCodes: await symmetricEncrypt({ key: authSecretValue(oldKeys), data: BACKUP_CODES }),
    },
  });
  return { project, v1, v2 };
}

/** Everything a person could see of the settings: values, revisions, comparisons, the request's status. */
async function observe(db: PrismaClient, { project, v1, v2 }: Awaited<ReturnType<typeof populate>>) {
  const keyring = getSecretKeyring();
  const environments = Object.entries(project.environments).sort();
  const secrets = await Promise.all(environments.map(([, environmentId]) => readEnvironmentSecrets(db, { projectId: project.projectId, environmentId }).then(value)));
  const entries = await db.settingsRevisionEntry.findMany({
    where: { revision: { environment: { projectId: project.projectId } } },
    orderBy: [{ revision: { environmentId: "asc" } }, { revision: { number: "asc" } }, { key: "asc" }],
    select: { key: true, isSecret: true, value: true, encryptedValue: true, revision: { select: { number: true, environmentId: true } } },
  });
  const revisions = entries.map((entry) => ({
    number: entry.revision.number,
    key: entry.key,
    isSecret: entry.isSecret,
    value: entry.isSecret ? decryptSecret(entry.encryptedValue!, settingContext(entry.revision.environmentId, entry.key), keyring) : entry.value,
  }));
  const production = { projectId: project.projectId, environmentId: project.environments.production };
  const requests = value(await listDeploymentRequests(db, project.projectId));
  return {
    secrets,
    revisions,
    sinceV1: value(await compareSettingsFingerprint(db, { ...production, versionId: v1.id })),
    sinceV2: value(await compareSettingsFingerprint(db, { ...production, versionId: v2.id })),
    revisions1To4: value(await compareSettingsRevisions(db, { ...production, from: 1, to: 4 })),
    requests: requests.map((request) => [request.status, request.reason]),
  };
}

async function storedValues(db: PrismaClient) {
  const settings = await db.environmentSetting.findMany({ select: { environmentId: true, key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true } });
  const entries = await db.settingsRevisionEntry.findMany({
    select: { key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true, revision: { select: { environmentId: true } } },
  });
  return [...settings, ...entries.map(({ revision, ...entry }) => ({ ...entry, environmentId: revision.environmentId }))];
}

/** How many stored values are wholly under the new key (ciphertext and hash), and how many are not. */
async function underNewKey(db: PrismaClient) {
  const rows = await storedValues(db);
  const done = rows.filter((row) => {
    const context = settingContext(row.environmentId, row.key);
    const plaintext = row.isSecret ? decryptSecret(row.encryptedValue!, context, { current: newKeys, previous: oldKeys }) : row.value!;
    return (!row.isSecret || secretKeyIdOf(row.encryptedValue!) === newKeys.id) && row.valueHash === hashSettingValue(plaintext, context, newKeys);
  });
  return { done: done.length, left: rows.length - done.length };
}

describe("rotating the secret key", () => {
  const testDb = setupTestDb();

  it("keeps every value readable and every comparison right during the rotation, resumes after a crash, and ends with everything under the new key only", async () => {
    const { db } = testDb;
    const state = await populate(db, "rotation");
    const before = await observe(db, state);
    expect(before.sinceV2).toMatchObject({ recorded: true, added: [], changed: [], removed: [] });
    expect(before.sinceV1).toMatchObject({ added: ["ERP_TIMEOUT"], changed: ["ERP_API_TOKEN"] });
    expect(before.requests).toEqual([["pending", null]]);
    const revisionCount = await db.settingsRevision.count();

    // The rotation begins: the app runs with the new key and the previous one.
    configureKeys(NEW_MASTER, OLD_MASTER);
    expect(await observe(db, state)).toEqual(before);
    // A value saved now, before the rotation reached production, compares as the same value it was.
    value(
      await setEnvironmentSetting(db, { projectId: state.project.projectId, environmentId: state.project.environments.production, key: "ERP_URL", value: "https://erp.example.com", isSecret: false, mode: "replace", actor: testActor }),
    );
    const sameAgain = await observe(db, state);
    expect(sameAgain.revisions).toEqual(expect.arrayContaining(before.revisions));
    expect(sameAgain.revisions).toHaveLength(before.revisions.length + 3);
    expect(sameAgain.sinceV2).toMatchObject({ added: [], changed: [], removed: [] });
    expect(sameAgain.requests).toEqual(before.requests);

    // The rotation stops after its first batch, as a crash would.
    const batches: number[] = [];
    await expect(
      rotateSecretKey(db, { batchSize: 1, afterBatch: (batch) => { batches.push(batch); throw new Error("simulated crash"); } }),
    ).rejects.toThrow("simulated crash");
    expect(batches).toEqual([1]);
    const halfway = await underNewKey(db);
    expect(halfway.done).toBeGreaterThan(0);
    expect(halfway.left).toBeGreaterThan(0);
    const midway = await observe(db, state);
    expect(midway).toEqual(sameAgain);
    // Better Auth reads the two-factor secret under either key meanwhile.
    const twoFactor = await db.twoFactor.findFirstOrThrow();
    const { secrets, secret } = authSecrets(getSecretKeyring());
    const reading = { keys: new Map(secrets.map((entry) => [entry.version, entry.value])), currentVersion: secrets[0]!.version, legacySecret: secret };
    expect(await symmetricDecrypt({ key: reading, data: twoFactor.secret })).toBe(TOTP_SECRET);

    // Run again: it continues where it stopped.
    const progress: number[] = [];
    const done = value(await rotateSecretKey(db, { batchSize: 1, onProgress: (step) => progress.push(step.environmentsDone) }));
    expect(progress.length).toBeGreaterThan(0);
    expect(done).toMatchObject({ keyId: newKeys.id, previousKeyId: oldKeys.id, environments: 3, secrets: 2, values: 4, fingerprints: 3, twoFactors: 1, recorded: true });
    expect(done.revisionEntries).toBe(await db.settingsRevisionEntry.count());
    expect(await underNewKey(db)).toEqual({ done: halfway.done + halfway.left, left: 0 });

    // The previous key is no longer needed, and no longer opens anything.
    configureKeys(NEW_MASTER);
    expect(await observe(db, state)).toEqual(sameAgain);
    expect(await db.settingsRevision.count()).toBe(revisionCount + 1);
    configureKeys(OLD_MASTER);
    await expect(readEnvironmentSecrets(db, { projectId: state.project.projectId, environmentId: state.project.environments.production })).rejects.toThrow(
      `it was saved under key ${newKeys.id}`,
    );
    configureKeys(NEW_MASTER);
    const rotated = await db.twoFactor.findFirstOrThrow();
    const onlyNew = { keys: new Map([[authSecretVersion(newKeys), authSecretValue(newKeys)]]), currentVersion: authSecretVersion(newKeys) };
    expect(await symmetricDecrypt({ key: onlyNew, data: rotated.secret })).toBe(TOTP_SECRET);
    expect(await symmetricDecrypt({ key: onlyNew, data: rotated.backupCodes })).toBe(BACKUP_CODES);
    await expect(symmetricDecrypt({ key: authSecretValue(oldKeys), data: rotated.secret })).rejects.toThrow();

    // One event for the project, one for the installation.
    const events = await db.auditEvent.findMany({ where: { kind: "secrets.key_rotated" }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.projectId)).toEqual([state.project.projectId, null]);
    expect(events[0]!.summary).toMatchObject({ keyId: newKeys.id, previousKeyId: oldKeys.id, environments: 3, secrets: 2 });
    expect(describeEvent({ ...events[0]!, summary: events[0]!.summary as Record<string, unknown> })).toBe(
      `Draftline re-encrypted the settings under a new secret key (key ${newKeys.id}): 3 environments, 2 secrets, 4 plain values, ${done.revisionEntries} revision entries`,
    );
    expect(JSON.stringify(events.map((event) => event.summary))).not.toContain("erp_live");

    // Again: nothing left to do, and nothing recorded twice.
    configureKeys(NEW_MASTER, OLD_MASTER);
    expect(value(await rotateSecretKey(db))).toMatchObject({ rewritten: 0, recorded: false });
    expect(await db.auditEvent.count({ where: { kind: "secrets.key_rotated" } })).toBe(2);
  });

  it("lets a revision change only in its ciphertext and hash, and only during a rotation", async () => {
    const { db } = testDb;
    const attempt = (sql: string) => db.$transaction([db.$queryRawUnsafe(`SELECT set_config('draftline.rotating_secret_key', 'on', true)`), db.$executeRawUnsafe(sql)]);
    await expect(db.$executeRawUnsafe(`UPDATE settings_revision_entries SET value_hash = value_hash`)).rejects.toThrow(/immutable/);
    await expect(attempt(`UPDATE settings_revision_entries SET value = 'changed' WHERE NOT is_secret`)).rejects.toThrow(/immutable/);
    await expect(attempt(`UPDATE settings_revision_entries SET key = key || '_X'`)).rejects.toThrow(/immutable/);
    await expect(attempt(`UPDATE settings_revision_entries SET is_secret = NOT is_secret WHERE NOT is_secret`)).rejects.toThrow(/immutable/);
    await expect(attempt(`UPDATE settings_revisions SET note = 'edited'`)).rejects.toThrow(/immutable/);
  });
});

describe("a rotation with the wrong previous key", () => {
  const testDb = setupTestDb();

  it("is refused, naming the value it cannot open, and changes nothing", async () => {
    const { db } = testDb;
    await populate(db, "wrong-key");
    configureKeys(NEW_MASTER, OLD_MASTER);
    const stored = await storedValues(db);
    const fingerprints = await db.deployment.findMany({ orderBy: { id: "asc" }, select: { settingsFingerprint: true } });
    const twoFactors = await db.twoFactor.findMany({ select: { secret: true, backupCodes: true } });

    const wrong = deriveSecretKeys(randomBytes(32));
    const refused = failure(await rotateSecretKey(db, { keyring: { current: newKeys, previous: wrong } }));
    expect(refused.code).toBe("invalid");
    expect(refused.message).toMatch(
      new RegExp(`^The (secret|stored hash of) \\w+ in (revision \\d+ of )?(production|staging|development) \\(project project-[\\w-]+\\)`),
    );
    expect(refused.message).toContain(`neither DRAFTLINE_SECRET_KEY (key ${newKeys.id}) nor DRAFTLINE_PREVIOUS_SECRET_KEY (key ${wrong.id})`);
    expect(refused.message).toMatch(/Nothing was changed\.$/);

    const missing = failure(await rotateSecretKey(db, { keyring: { current: newKeys, previous: null } }));
    expect(missing.message).toContain("DRAFTLINE_PREVIOUS_SECRET_KEY (not set)");

    expect(await storedValues(db)).toEqual(stored);
    expect(await db.deployment.findMany({ orderBy: { id: "asc" }, select: { settingsFingerprint: true } })).toEqual(fingerprints);
    expect(await db.twoFactor.findMany({ select: { secret: true, backupCodes: true } })).toEqual(twoFactors);
    expect(await db.auditEvent.count({ where: { kind: "secrets.key_rotated" } })).toBe(0);
  });
});
