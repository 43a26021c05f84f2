import { openDatabase } from "@/lib/db/connect";
import { seedSampleProject } from "@/lib/projects/seed-sample-project";

const connection = await openDatabase();
const created = await seedSampleProject(connection.prisma).finally(() => connection.close());
console.log(created ? "Added the sample project Order sync." : "Projects exist already; nothing seeded.");
