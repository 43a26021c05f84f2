// Run by start-server.mjs with tsx before the server starts (never while it runs: one process
// per PGlite folder): the sample project, as the server would seed it, and a project of its own
// with people for members.spec, so changing and removing them touches no other spec's data.
import path from "node:path";
import { openEmbedded } from "@/lib/db/connect";
import { createProject } from "@/lib/projects/create-project";
import { DEFAULT_ENVIRONMENTS } from "@/lib/projects/sample-project";
import { seedSampleProject } from "@/lib/projects/seed-sample-project";
import { TEAM_PEOPLE, TEAM_PROJECT } from "./team-project";

const [dataDir = ""] = process.argv.slice(2);
const connection = await openEmbedded(path.join(dataDir, "pglite"));
try {
  const db = connection.prisma;
  await seedSampleProject(db);
  const created = await createProject(db, { ...TEAM_PROJECT, files: [{ path: "README.md", content: "# Team sandbox\n" }], environments: DEFAULT_ENVIRONMENTS });
  if (!created.ok) throw new Error(created.error.message);
  for (const person of TEAM_PEOPLE) {
    await db.user.create({ data: { id: person.id, name: person.name, email: person.email } });
    await db.projectMember.create({ data: { projectId: created.value.id, userId: person.id, role: person.role } });
  }
} finally {
  await connection.close();
}
