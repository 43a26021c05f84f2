export async function register() {
  // Only the Node.js server opens the database; `next build` never calls register.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is handled: the sign-in limit counts per address, never a client-written one.
  const { stampClientAddress } = await import("./lib/http/stamp-client-address");
  const { originSettings } = await import("./lib/http/request-origin");
  stampClientAddress(originSettings().trustProxy);
  const { getDb } = await import("./lib/db/client");
  const { seedSampleProject } = await import("./lib/projects/seed-sample-project");
  await seedSampleProject(await getDb());
  const { startServerExecutionWorker } = await import("./lib/executions/server-execution-worker");
  startServerExecutionWorker(await getDb());
  const { describeSecretKey } = await import("./lib/secrets/secret-key");
  try {
    console.log(describeSecretKey());
  } catch (error) {
    // Saving a secret fails with the same message; the rest of the app works without a key.
    console.warn(error instanceof Error ? error.message : error);
  }
}
