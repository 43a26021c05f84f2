import { openDatabase } from "@/lib/db/connect";
import { ROTATION_BATCH_SIZE, rotateSecretKey } from "@/lib/secrets/rotate-secret-key";
import { getSecretKeyring, PREVIOUS_SECRET_KEY_ENV, SECRET_KEY_ENV } from "@/lib/secrets/secret-key";

// `npm run rotate-secret-key`: re-encrypts everything saved under DRAFTLINE_PREVIOUS_SECRET_KEY
// with the new key (DRAFTLINE_SECRET_KEY, or the key file). Safe to stop and run again.
// `-- --batch-size N` changes how many rows one transaction rewrites (200).
const batchOption = process.argv.indexOf("--batch-size");
const batchSize = batchOption === -1 ? ROTATION_BATCH_SIZE : Number(process.argv[batchOption + 1]);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error("--batch-size takes a whole number of rows, 1 or more.");
  process.exit(1);
}
let keyring;
try {
  keyring = getSecretKeyring();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (!keyring.previous) {
  console.error(
    `Set ${PREVIOUS_SECRET_KEY_ENV} to the key the data was saved with, and ${SECRET_KEY_ENV} (or the key file) to the new key, then run this again. The app reads both while the rotation runs; see README, "Rotating the secret key".`,
  );
  process.exit(1);
}

console.log(`Rotating the secret key from key ${keyring.previous.id} to key ${keyring.current.id}.`);
const connection = await openDatabase();
try {
  const result = await rotateSecretKey(connection.prisma, {
    keyring,
    batchSize,
    onProgress: (progress) =>
      console.log(`Batch ${progress.batch}: ${progress.environmentsDone} of ${progress.environmentsTotal} environments done, ${progress.rewritten} rows rewritten.`),
  });
  if (!result.ok) {
    console.error(result.error.message);
    process.exitCode = 1;
  } else {
    const done = result.value;
    console.log(
      `Done: everything is under key ${done.keyId}. ${done.environments} environments, ${done.secrets} secrets, ${done.values} plain values, ${done.revisionEntries} revision entries, ${done.fingerprints} deployment and request fingerprints, ${done.twoFactors} two-factor sign-ins; ${done.rewritten} rows rewritten by this run.`,
    );
    console.log(`You may now remove ${PREVIOUS_SECRET_KEY_ENV}. People sign in again: sessions were signed with the previous key.`);
  }
} finally {
  await connection.close();
}
