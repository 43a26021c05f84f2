export async function register() {
  // Only the Node.js server opens the database; `next build` never calls register.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./lib/db/client");
  const { seedSampleProject } = await import("./lib/projects/seed-sample-project");
  await seedSampleProject(await getDb());
}
