import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let userCount = 0;

/** A person with an account (a users row, as sign-up makes one); their email is unique per call. */
export async function newUser(db: PrismaClient, name = `Person ${++userCount}`): Promise<{ id: string; name: string; email: string }> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${id.slice(0, 8)}@example.com`;
  await db.user.create({ data: { id, name, email } });
  return { id, name, email };
}

/** A new person who is already a member of the project with `role`. */
export async function newMember(db: PrismaClient, projectId: string, role: Role, name?: string) {
  const user = await newUser(db, name);
  await db.projectMember.create({ data: { projectId, userId: user.id, role } });
  return user;
}
