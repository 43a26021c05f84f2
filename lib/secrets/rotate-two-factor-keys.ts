import { symmetricDecrypt, symmetricEncrypt, type SecretConfig } from "better-auth/crypto";
import { authSecretVersion, authSecrets } from "@/lib/auth/auth-secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RotationRefused } from "./rotate-environment-keys";
import { PREVIOUS_SECRET_KEY_ENV, type SecretKeyring } from "./secret-key";

const ENVELOPE = /^\$ba\$(\d+)\$/;

/**
 * Re-encrypts what Better Auth's two-factor plugin stores encrypted (each person's TOTP secret
 * and backup codes) under the current key, `batchSize` rows per transaction, in the format
 * Better Auth reads with its versioned secrets (lib/auth/auth-secrets.ts). A row already under
 * the current key is left as it is. Returns how many rows there are and how many changed.
 */
export async function rotateTwoFactorKeys(
  db: PrismaClient,
  keyring: SecretKeyring,
  batchSize: number,
  afterBatch: () => Promise<void>,
): Promise<{ twoFactors: number; rewritten: number }> {
  const { secret, secrets } = authSecrets(keyring);
  const reading: SecretConfig = {
    keys: new Map(secrets.map((entry) => [entry.version, entry.value])),
    currentVersion: secrets[0]!.version,
    legacySecret: secret,
  };
  const writing: SecretConfig = { keys: new Map([[secrets[0]!.version, secrets[0]!.value]]), currentVersion: secrets[0]!.version };
  const currentVersion = authSecretVersion(keyring.current);
  const isCurrent = (stored: string) => ENVELOPE.exec(stored)?.[1] === String(currentVersion);
  const reencrypt = async (stored: string, what: string) => {
    let plaintext: string;
    try {
      plaintext = await symmetricDecrypt({ key: reading, data: stored });
    } catch {
      throw new RotationRefused(`${what} can be decrypted with neither key. Set ${PREVIOUS_SECRET_KEY_ENV} to the key it was saved with.`);
    }
    return symmetricEncrypt({ key: writing, data: plaintext });
  };

  let after: string | undefined;
  const counts = { twoFactors: 0, rewritten: 0 };
  for (;;) {
    const rows = await db.twoFactor.findMany({
      ...(after ? { where: { id: { gt: after } } } : {}),
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, secret: true, backupCodes: true, user: { select: { email: true } } },
    });
    if (rows.length === 0) return counts;
    after = rows.at(-1)!.id;
    const updates = [];
    for (const row of rows) {
      if (isCurrent(row.secret) && isCurrent(row.backupCodes)) continue;
      const what = `The two-factor sign-in of ${row.user.email}`;
      updates.push({
        where: { id: row.id, secret: row.secret, backupCodes: row.backupCodes },
        secret: isCurrent(row.secret) ? row.secret : await reencrypt(row.secret, what),
        backupCodes: isCurrent(row.backupCodes) ? row.backupCodes : await reencrypt(row.backupCodes, `The backup codes of ${row.user.email}`),
      });
    }
    if (updates.length > 0) {
      // Only if unchanged since read: what Better Auth wrote meanwhile is under the current key already.
      await db.$transaction(updates.map(({ where, ...data }) => db.twoFactor.updateMany({ where, data })));
      await afterBatch();
    }
    counts.twoFactors += rows.length;
    counts.rewritten += updates.length;
  }
}
