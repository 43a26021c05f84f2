import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { NO_ROTATION, rotateEnvironmentKeys, RotationRefused, type EnvironmentToRotate, type RotationCounts } from "./rotate-environment-keys";
import { rotateTwoFactorKeys } from "./rotate-two-factor-keys";
import { getSecretKeyring, type SecretKeyring } from "./secret-key";

export const ROTATION_BATCH_SIZE = 200;
const ROTATION_ACTOR: Actor = { id: null, name: "Draftline" };

export interface RotateSecretKeyOptions {
  /** Defaults to DRAFTLINE_SECRET_KEY (new) and DRAFTLINE_PREVIOUS_SECRET_KEY (old). */
  keyring?: SecretKeyring;
  /** Rows to rewrite per transaction (an environment is never split, see rotateEnvironmentKeys). */
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
  /** Runs after each committed batch. Tests throw here to stop the rotation as a crash would. */
  afterBatch?: (batch: number) => void | Promise<void>;
}

export interface RotationProgress {
  batch: number;
  environmentsDone: number;
  environmentsTotal: number;
  /** Rows rewritten so far by this run. */
  rewritten: number;
}

export interface RotationSummary extends RotationCounts {
  keyId: string;
  previousKeyId: string | null;
  environments: number;
  /** People's two-factor sign-ins (TOTP secret and backup codes). */
  twoFactors: number;
  /** Whether this run wrote the `secrets.key_rotated` events. */
  recorded: boolean;
}

/**
 * Re-encrypts and re-hashes everything stored under the previous secret key with the current
 * one: environment settings, every settings revision, the settings fingerprints of deployments
 * and requests, and two-factor secrets. In batches of about `batchSize` rewritten rows, one
 * transaction each; each environment whole in one of them. Resumable and idempotent: what is
 * under the current key already (its key id, its hash) is left as it is, so a run stopped
 * half-way continues where it stopped. Stops, changing nothing more, at the first value
 * neither key opens, naming it. When done it writes `secrets.key_rotated`: one event per
 * project (on its Activity page) and one for the installation, with the counts.
 */
export async function rotateSecretKey(db: PrismaClient, options: RotateSecretKeyOptions = {}): Promise<Result<RotationSummary>> {
  const keyring = options.keyring ?? getSecretKeyring();
  const batchSize = Math.max(1, options.batchSize ?? ROTATION_BATCH_SIZE);
  const environments: EnvironmentToRotate[] = (
    await db.environment.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, projectId: true, project: { select: { name: true } } } })
  ).map(({ project, ...environment }) => ({ ...environment, projectName: project.name }));

  const totals = { ...NO_ROTATION };
  const perProject = new Map<string, RotationCounts & { environments: number }>();
  let batch = 0;
  let done = 0;
  const afterBatch = async () => {
    batch += 1;
    options.onProgress?.({ batch, environmentsDone: done, environmentsTotal: environments.length, rewritten: totals.rewritten });
    await options.afterBatch?.(batch);
  };
  try {
    while (done < environments.length) {
      const rotated = await db.$transaction(
        async (tx) => {
          const results: Array<[EnvironmentToRotate, RotationCounts]> = [];
          let rewritten = 0;
          while (done + results.length < environments.length && rewritten < batchSize) {
            const environment = environments[done + results.length]!;
            const counts = await rotateEnvironmentKeys(tx, environment, keyring);
            results.push([environment, counts]);
            rewritten += counts.rewritten;
          }
          return results;
        },
        { maxWait: 60_000, timeout: 30 * 60_000 },
      );
      for (const [environment, counts] of rotated) {
        const project = perProject.get(environment.projectId) ?? { ...NO_ROTATION, environments: 0 };
        perProject.set(environment.projectId, addCounts({ ...project, environments: project.environments + 1 }, counts));
        Object.assign(totals, addCounts(totals, counts));
      }
      done += rotated.length;
      if (rotated.some(([, counts]) => counts.rewritten > 0)) await afterBatch();
    }
    const twoFactor = await rotateTwoFactorKeys(db, keyring, batchSize, afterBatch);
    totals.rewritten += twoFactor.rewritten;

    const summary = { keyId: keyring.current.id, previousKeyId: keyring.previous?.id ?? null, environments: environments.length, ...totals, twoFactors: twoFactor.twoFactors };
    const recorded = keyring.previous !== null && (totals.rewritten > 0 || !(await rotationRecorded(db, keyring)));
    if (recorded) {
      await db.$transaction(async (tx) => {
        for (const [projectId, counts] of perProject) {
          await recordEvent(tx, { projectId, actor: ROTATION_ACTOR, kind: "secrets.key_rotated", summary: { keyId: summary.keyId, previousKeyId: summary.previousKeyId, ...counts } });
        }
        await recordEvent(tx, { projectId: null, actor: ROTATION_ACTOR, kind: "secrets.key_rotated", summary: { ...summary } });
      });
    }
    return ok({ ...summary, recorded });
  } catch (error) {
    if (!(error instanceof RotationRefused)) throw error;
    const before = done > 0 ? ` The ${done} environment${done === 1 ? "" : "s"} rotated before it stay rotated and readable; run the command again once the key is right to continue.` : " Nothing was changed.";
    return fail("invalid", `${error.message}${before}`);
  }
}

/** Whether a finished rotation to this key from this previous key was recorded already (a rerun, or a run resumed after its last batch). */
async function rotationRecorded(db: PrismaClient, keyring: SecretKeyring): Promise<boolean> {
  const events = await db.auditEvent.findMany({
    where: { kind: "secrets.key_rotated", projectId: null, summary: { path: ["keyId"], equals: keyring.current.id } },
    select: { summary: true },
  });
  return events.some((event) => (event.summary as Record<string, unknown>).previousKeyId === keyring.previous?.id);
}

function addCounts<T extends RotationCounts>(into: T, counts: RotationCounts): T {
  return {
    ...into,
    secrets: into.secrets + counts.secrets,
    values: into.values + counts.values,
    revisionEntries: into.revisionEntries + counts.revisionEntries,
    fingerprints: into.fingerprints + counts.fingerprints,
    rewritten: into.rewritten + counts.rewritten,
  };
}
