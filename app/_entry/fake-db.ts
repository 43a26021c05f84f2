import type { PrismaClient } from "@/lib/generated/prisma/client";

export const KNOWN_PROJECT = { id: "00000000-0000-4000-8000-000000000001", slug: "known", name: "Known", namingConvention: "semantic" };

/** Just enough of a database for the entry points: one project, found by its slug. */
export const fakeDb = {
  project: {
    findUnique: async ({ where }: { where: { slug: string } }) => (where.slug === KNOWN_PROJECT.slug ? KNOWN_PROJECT : null),
  },
} as unknown as PrismaClient;
