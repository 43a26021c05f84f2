import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/harness";
import { seedSampleProject } from "./seed-sample-project";

const testDb = setupTestDb();

describe("seedSampleProject", () => {
  it("seeds an empty database once even when several instances start at the same moment", async () => {
    const { db } = testDb;
    const seeded = await Promise.all([seedSampleProject(db), seedSampleProject(db), seedSampleProject(db)]);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect(await db.project.count()).toBe(1);
    expect(await seedSampleProject(db)).toBe(false);
  });
});
