import { seedDemoUsers, DEMO_PASSWORD } from "@/lib/auth/seed-demo-users";
import { openDatabase } from "@/lib/db/connect";
import { seedSampleProject } from "@/lib/projects/seed-sample-project";

// `npm run db:seed -- --demo-users` also adds one account per role to the sample project.
const demoUsers = process.argv.slice(2).includes("--demo-users");

const connection = await openDatabase();
try {
  const created = await seedSampleProject(connection.prisma);
  console.log(created ? "Added the sample project Order sync." : "Projects exist already; nothing seeded.");
  if (demoUsers) {
    const accounts = await seedDemoUsers(connection.prisma);
    console.log(`Demo accounts (password "${DEMO_PASSWORD}" for those created now):`);
    for (const account of accounts) {
      console.log(`  ${account.role.padEnd(16)} ${account.email.padEnd(32)} ${account.created ? "created" : "existed already"}`);
    }
  }
} finally {
  await connection.close();
}
