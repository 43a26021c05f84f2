import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { createPasswordUser, hashNewPassword } from "./create-password-user";
import type { Role } from "./roles";

/** Known accounts for trying the roles out and for the end-to-end tests. Never made unless asked for. */
export const DEMO_PASSWORD = "draftline-demo";

export const DEMO_OWNER = { name: "Olive Owner", email: "owner@draftline.test" } as const;

export const DEMO_USERS: ReadonlyArray<{ role: Role; name: string; email: string }> = [
  { role: "admin", name: "Ada Admin", email: "admin@draftline.test" },
  { role: "release_manager", name: "Rita Release", email: "release.manager@draftline.test" },
  { role: "builder", name: "Bob Builder", email: "builder@draftline.test" },
  { role: "viewer", name: "Vera Viewer", email: "viewer@draftline.test" },
];

export interface DemoAccount {
  role: Role | "owner";
  name: string;
  email: string;
  /** False when the account existed already (its password is left as it was). */
  created: boolean;
}

/**
 * One account per role in the project `slug` (the sample project unless told), all with
 * DEMO_PASSWORD, and the owner too when the installation has none yet (otherwise nobody could
 * ever create one: the first start offers it only while no account exists). Safe to run again.
 */
export async function seedDemoUsers(db: PrismaClient, slug = SAMPLE_PROJECT.slug): Promise<DemoAccount[]> {
  const project = await db.project.findUnique({ where: { slug }, select: { id: true } });
  if (!project) throw new Error(`There is no project "${slug}" to add the demo users to; run npm run db:seed first.`);
  const passwordHash = await hashNewPassword(DEMO_PASSWORD);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`;
    const accounts: DemoAccount[] = [];
    if ((await tx.user.count({ where: { isOwner: true } })) === 0 && !(await tx.user.findUnique({ where: { email: DEMO_OWNER.email } }))) {
      await createPasswordUser(tx, { ...DEMO_OWNER, passwordHash, isOwner: true });
      accounts.push({ role: "owner", ...DEMO_OWNER, created: true });
    }
    for (const demo of DEMO_USERS) {
      const existing = await tx.user.findUnique({ where: { email: demo.email }, select: { id: true } });
      const userId = existing?.id ?? (await createPasswordUser(tx, { name: demo.name, email: demo.email, passwordHash })).id;
      await tx.projectMember.upsert({
        where: { projectId_userId: { projectId: project.id, userId } },
        create: { projectId: project.id, userId, role: demo.role },
        update: { role: demo.role },
      });
      accounts.push({ role: demo.role, name: demo.name, email: demo.email, created: !existing });
    }
    return accounts;
  });
}
