import { closeDb, getDb } from "@/lib/db/client";
import { seedSampleProject } from "@/lib/projects/seed-sample-project";

const created = await seedSampleProject(await getDb());
await closeDb();
console.log(created ? "Added the sample project Order sync." : "Projects exist already; nothing seeded.");
