import { afterAll, beforeAll } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import type { Result } from "@/lib/result";

/**
 * One fresh database for the calling test file, opened before its tests and closed after.
 * Call at the top level of a test file; read `.db` inside tests.
 */
export function setupTestDb(): { readonly db: PrismaClient } {
  let testDb: Awaited<ReturnType<typeof createTestDb>> | undefined;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb?.close());
  return {
    get db() {
      if (!testDb) throw new Error("setupTestDb(): the database is open only inside tests and hooks.");
      return testDb.prisma;
    },
  };
}

let projectCount = 0;

/** A new project with the given files (path → content); returns its id. */
export async function newProject(
  db: PrismaClient,
  files: Record<string, string> = {},
  environments: readonly string[] = [],
): Promise<string> {
  const slug = `project-${process.pid}-${++projectCount}`;
  const created = await createProject(db, {
    slug,
    name: slug,
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    environments,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

/** The value of a result that must have succeeded. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a result that must have failed. */
export function failure<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Who acts in tests that do not care: no account, a name like an author's. */
export const testActor: Actor = { id: null, name: "ada@example.com" };
