import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { failure, newProject, rowCounts, stubTestSecretKey, value, type TestProject } from "@/lib/deployments/test-fixtures";
import { SecretDecryptionError } from "@/lib/secrets/decrypt-secret";
import { SECRET_KEY_ENV } from "@/lib/secrets/secret-key";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { deleteEnvironmentSetting } from "./delete-environment-setting";
import type { EnvironmentSettingView } from "./environment-setting-view";
import { listEnvironmentSettings } from "./list-environment-settings";
import { readEnvironmentSecrets } from "./read-environment-secrets";
import { setEnvironmentSetting, type SetEnvironmentSettingRequest } from "./set-environment-setting";

const testKey = stubTestSecretKey();
const testDb = setupTestDb();

const TOKEN = "erp_live_9f8e7d6c5b4a3210";

function set(project: TestProject, request: Partial<SetEnvironmentSettingRequest> & { key: string; value: string }) {
  return setEnvironmentSetting(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments.production,
    isSecret: false,
    mode: "create",
    actor: testActor,
    ...request,
  });
}

function withoutTime(setting: EnvironmentSettingView) {
  const copy: Partial<EnvironmentSettingView> = { ...setting };
  delete copy.updatedAt;
  return copy;
}

async function rawRows(environmentId: string) {
  return testDb.db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT * FROM environment_settings WHERE environment_id = ${environmentId} ORDER BY key`;
}

describe("secret settings", () => {
  it("are stored only encrypted: no column holds the plaintext", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    const created = value(await set(project, { key: "ERP_API_TOKEN", value: TOKEN, isSecret: true }));
    expect(created).toEqual({ key: "ERP_API_TOKEN", isSecret: true, maskedValue: "••••••3210", readable: true, updatedAt: expect.any(Date), revision: 1 });

    const [row] = await rawRows(project.environments.production);
    expect(row).toMatchObject({ key: "ERP_API_TOKEN", is_secret: true, value: null });
    expect(row!.encrypted_value).toMatch(/^v2\./);
    expect(row!.value_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(JSON.stringify(row)).not.toContain(TOKEN.slice(4, 14));
  });

  it("decrypt back to the exact value on the server only", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    const unicode = "  pässwörd 🚀 with spaces ";
    value(await set(project, { key: "ERP_API_TOKEN", value: TOKEN, isSecret: true }));
    value(await set(project, { key: "SHOP_PASSWORD", value: unicode, isSecret: true }));
    value(await set(project, { key: "ERP_API_URL", value: "https://erp.example.com" }));

    expect(value(await readEnvironmentSecrets(db, { projectId: project.projectId, environmentId: project.environments.production }))).toEqual({
      ERP_API_TOKEN: TOKEN,
      SHOP_PASSWORD: unicode,
      ERP_API_URL: "https://erp.example.com",
    });
  });

  it("are listed only masked, plain values in full, sorted by key", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    value(await set(project, { key: "SHOP_API_TOKEN", value: "shpat_0123456789abcdef", isSecret: true }));
    value(await set(project, { key: "PIN", value: "4711", isSecret: true }));
    value(await set(project, { key: "ERP_API_URL", value: "https://erp.example.com" }));

    const listed = value(await listEnvironmentSettings(db, { projectId: project.projectId, environmentId: project.environments.production }));
    expect(listed.map(withoutTime)).toEqual([
      { key: "ERP_API_URL", isSecret: false, value: "https://erp.example.com" },
      { key: "PIN", isSecret: true, maskedValue: "••••••", readable: true },
      { key: "SHOP_API_TOKEN", isSecret: true, maskedValue: "••••••cdef", readable: true },
    ]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain("shpat_0123456789abcdef");
    expect(text).not.toContain("4711");
  });

  it("with another key: listing marks them unreadable, reading them fails clearly", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    const where = { projectId: project.projectId, environmentId: project.environments.production };
    value(await set(project, { key: "ERP_API_TOKEN", value: TOKEN, isSecret: true }));
    value(await set(project, { key: "ERP_API_URL", value: "https://erp.example.com" }));

    vi.stubEnv(SECRET_KEY_ENV, randomBytes(32).toString("hex"));
    try {
      expect(value(await listEnvironmentSettings(db, where)).map(withoutTime)).toEqual([
        { key: "ERP_API_TOKEN", isSecret: true, maskedValue: "••••••", readable: false },
        { key: "ERP_API_URL", isSecret: false, value: "https://erp.example.com" },
      ]);
      const reading = readEnvironmentSecrets(db, where);
      await expect(reading).rejects.toThrow(SecretDecryptionError);
      await expect(readEnvironmentSecrets(db, where)).rejects.toThrow(/the key changed since the secret was saved/);
    } finally {
      vi.stubEnv(SECRET_KEY_ENV, testKey);
    }
    expect(value(await readEnvironmentSecrets(db, where)).ERP_API_TOKEN).toBe(TOKEN);
  });

  it("cannot be written in plain text, even bypassing the code", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    const environmentId = project.environments.production;
    const insert = (isSecret: boolean, plain: string | null, encrypted: string | null, key = "K") =>
      db.$executeRaw`
        INSERT INTO environment_settings (id, environment_id, key, is_secret, value, encrypted_value, value_hash)
        VALUES (gen_random_uuid()::text, ${environmentId}, ${key}, ${isSecret}, ${plain}, ${encrypted}, repeat('0', 64))`;
    await expect(insert(true, TOKEN, null)).rejects.toThrow(/environment_settings_value_check/);
    await expect(insert(true, TOKEN, "v1.a.b.c")).rejects.toThrow(/environment_settings_value_check/);
    await expect(insert(false, null, "v1.a.b.c")).rejects.toThrow(/environment_settings_value_check/);
    await expect(insert(false, "x", null, "bad key")).rejects.toThrow(/environment_settings_key_check/);
    expect(await rawRows(environmentId)).toEqual([]);
  });

  it("copied into another setting's row no longer decrypt", async () => {
    const { db } = testDb;
    const project = await newProject(db, "secrets");
    value(await set(project, { key: "A_TOKEN", value: TOKEN, isSecret: true }));
    value(await set(project, { key: "B_TOKEN", value: "something else entirely", isSecret: true }));
    await db.$executeRaw`
      UPDATE environment_settings SET encrypted_value = (
        SELECT encrypted_value FROM environment_settings WHERE environment_id = ${project.environments.production} AND key = 'A_TOKEN')
      WHERE environment_id = ${project.environments.production} AND key = 'B_TOKEN'`;
    await expect(
      readEnvironmentSecrets(db, { projectId: project.projectId, environmentId: project.environments.production }),
    ).rejects.toThrow(SecretDecryptionError);
  });
});

describe("setEnvironmentSetting", () => {
  it("warns to rotate a value that was stored in clear before it became a secret, and only then", async () => {
    const project = await newProject(testDb.db, "rotate");
    const warning =
      "The old value of ERP_API_TOKEN was stored in clear and may remain in the database's history and backups: rotate it (issue a new credential and save that) if it was sensitive.";
    expect(value(await set(project, { key: "ERP_API_TOKEN", value: "plain-token" })).warning).toBeUndefined();
    expect(value(await set(project, { key: "ERP_API_TOKEN", value: "plain-token-2", mode: "replace" })).warning).toBeUndefined();

    const turned = value(await set(project, { key: "ERP_API_TOKEN", value: TOKEN, isSecret: true, mode: "replace" }));
    expect(turned).toMatchObject({ key: "ERP_API_TOKEN", isSecret: true, warning });

    expect(value(await set(project, { key: "ERP_API_TOKEN", value: `${TOKEN}-2`, isSecret: true, mode: "replace" })).warning).toBeUndefined();
    expect(value(await set(project, { key: "NEW_SECRET", value: TOKEN, isSecret: true })).warning).toBeUndefined();
    value(await set(project, { key: "EMPTY", value: "" }));
    expect(value(await set(project, { key: "EMPTY", value: TOKEN, isSecret: true, mode: "replace" })).warning).toBeUndefined();
  });

  it("replaces a value, and can turn a plain value into a secret and back", async () => {
    const { db } = testDb;
    const project = await newProject(db, "replace");
    const where = { projectId: project.projectId, environmentId: project.environments.production };
    value(await set(project, { key: "ERP_API_URL", value: "https://erp-old.example.com" }));
    const [before] = await rawRows(project.environments.production);

    expect(value(await set(project, { key: "ERP_API_URL", value: "https://erp.example.com", mode: "replace" }))).toMatchObject({
      value: "https://erp.example.com",
    });
    const [after] = await rawRows(project.environments.production);
    expect(after!.id).toBe(before!.id);
    expect(after!.value_hash).not.toBe(before!.value_hash);

    value(await set(project, { key: "ERP_API_URL", value: TOKEN, isSecret: true, mode: "replace" }));
    expect(await rawRows(project.environments.production)).toEqual([expect.objectContaining({ value: null, is_secret: true })]);
    value(await set(project, { key: "ERP_API_URL", value: "plain again", mode: "replace" }));
    expect(await rawRows(project.environments.production)).toEqual([
      expect.objectContaining({ value: "plain again", is_secret: false, encrypted_value: null }),
    ]);
    expect(value(await readEnvironmentSecrets(db, where))).toEqual({ ERP_API_URL: "plain again" });
  });

  it("trims the key but keeps the value exactly, and accepts an empty value", async () => {
    const { db } = testDb;
    const project = await newProject(db, "replace");
    expect(value(await set(project, { key: "  ERP.api-url_2 ", value: "  spaced  " }))).toMatchObject({
      key: "ERP.api-url_2",
      value: "  spaced  ",
    });
    expect(value(await set(project, { key: "EMPTY", value: "" }))).toMatchObject({ key: "EMPTY", value: "" });
    expect(value(await set(project, { key: "_", value: "x".repeat(10_000) })).key).toBe("_");
  });

  it("treats keys such as __proto__ and constructor as ordinary keys", async () => {
    const { db } = testDb;
    const project = await newProject(db, "proto");
    value(await set(project, { key: "__proto__", value: "a" }));
    value(await set(project, { key: "constructor", value: "b", isSecret: true }));
    const secrets = value(await readEnvironmentSecrets(db, { projectId: project.projectId, environmentId: project.environments.production }));
    expect(Object.entries(secrets).sort()).toEqual([
      ["__proto__", "a"],
      ["constructor", "b"],
    ]);
  });

  it("changes only its own environment", async () => {
    const { db } = testDb;
    const project = await newProject(db, "independent");
    const other = await newProject(db, "independent");
    value(await set(project, { environmentId: project.environments.staging, key: "ERP_API_URL", value: "https://erp-test.example.com" }));
    value(await set(other, { key: "ERP_API_URL", value: "https://erp.example.com" }));
    const untouched = [await rawRows(project.environments.staging), await rawRows(other.environments.production)];

    value(await set(project, { key: "ERP_API_URL", value: "https://erp.example.com" }));
    value(await set(project, { key: "ERP_API_URL", value: "https://erp2.example.com", mode: "replace" }));
    value(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId: project.environments.production, key: "ERP_API_URL", actor: testActor }));

    expect([await rawRows(project.environments.staging), await rawRows(other.environments.production)]).toEqual(untouched);
    expect(await rawRows(project.environments.production)).toEqual([]);
  });

  describe("refuses bad input and changes nothing", () => {
    it.each([
      ["an empty key", { key: "  ", value: "x" }, { key: "Enter a key." }],
      ["a key over 100 characters", { key: "K".repeat(101), value: "x" }, { key: "Keys are at most 100 characters." }],
      ["a key starting with a digit", { key: "1TOKEN", value: "x" }, { key: expect.stringMatching(/^A key starts with a letter or _/) }],
      ["a key with a space", { key: "API TOKEN", value: "x" }, { key: expect.stringMatching(/^A key starts with a letter or _/) }],
      ["a key with a slash", { key: "api/token", value: "x" }, { key: expect.stringMatching(/^A key starts with a letter or _/) }],
      ["a value over 10,000 characters", { key: "K", value: "x".repeat(10_001) }, { value: "Values are at most 10,000 characters." }],
      ["a value with NUL", { key: "K", value: "a\u0000b" }, { value: "The value contains a NUL character, which cannot be stored." }],
      ["a value with a lone surrogate", { key: "K", value: "a\ud800" }, { value: "The value contains an invalid character." }],
      ["a value that is not text", { key: "K", value: 42 as unknown as string }, { value: "The value must be text." }],
    ])("%s", async (_label, input, fields) => {
      const { db } = testDb;
      const project = await newProject(db, "invalid");
      value(await set(project, { key: "EXISTING", value: "kept" }));
      const before = await rowCounts(db);
      const rows = await rawRows(project.environments.production);

      const error = failure(await set(project, { ...input, isSecret: true }));
      expect(error).toEqual({ code: "invalid", message: Object.values(fields)[0], fields });

      expect(await rowCounts(db)).toEqual(before);
      expect(await rawRows(project.environments.production)).toEqual(rows);
    });

    it("a duplicate key when creating", async () => {
      const { db } = testDb;
      const project = await newProject(db, "duplicate");
      value(await set(project, { key: "ERP_API_TOKEN", value: TOKEN, isSecret: true }));
      const rows = await rawRows(project.environments.production);

      const message = "production already has a setting named ERP_API_TOKEN. Edit it instead.";
      expect(failure(await set(project, { key: " ERP_API_TOKEN", value: "other" }))).toEqual({
        code: "conflict",
        message,
        fields: { key: message },
      });
      expect(await rawRows(project.environments.production)).toEqual(rows);
    });

    it("concurrent creates of one key: exactly one wins", async () => {
      const { db } = testDb;
      const project = await newProject(db, "duplicate");
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) => set(project, { key: "RACE", value: `value ${index}`, isSecret: index % 2 === 0 })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok).map((result) => failure(result).code)).toEqual(Array(7).fill("conflict"));
      expect(await rawRows(project.environments.production)).toHaveLength(1);
    });

    it("replacing a key that does not exist", async () => {
      const { db } = testDb;
      const project = await newProject(db, "missing");
      const before = await rowCounts(db);
      expect(failure(await set(project, { key: "NOPE", value: "x", mode: "replace" }))).toEqual({
        code: "not_found",
        message: "production has no setting named NOPE.",
      });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("an unknown environment, or one of another project", async () => {
      const { db } = testDb;
      const project = await newProject(db, "foreign");
      const other = await newProject(db, "foreign");
      const before = await rowCounts(db);
      for (const environmentId of ["no-such-environment", other.environments.production]) {
        expect(failure(await set(project, { key: "K", value: "x", environmentId }))).toEqual({
          code: "not_found",
          message: "This environment does not exist in this project.",
        });
        expect(failure(await listEnvironmentSettings(db, { projectId: project.projectId, environmentId })).code).toBe("not_found");
        expect(failure(await readEnvironmentSecrets(db, { projectId: project.projectId, environmentId })).code).toBe("not_found");
        expect(
          failure(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId, key: "K", actor: testActor })).code,
        ).toBe("not_found");
      }
      expect(await rowCounts(db)).toEqual(before);
    });

    it("an unknown mode", async () => {
      const { db } = testDb;
      const project = await newProject(db, "mode");
      const before = await rowCounts(db);
      expect(failure(await set(project, { key: "K", value: "x", mode: "upsert" as "create" })).code).toBe("invalid");
      expect(await rowCounts(db)).toEqual(before);
    });
  });
});

describe("deleteEnvironmentSetting", () => {
  it("deletes one setting, and refuses a key that does not exist", async () => {
    const { db } = testDb;
    const project = await newProject(db, "delete");
    const where = { projectId: project.projectId, environmentId: project.environments.production };
    value(await set(project, { key: "A", value: "1" }));
    value(await set(project, { key: "B", value: "2", isSecret: true }));

    expect(value(await deleteEnvironmentSetting(db, { ...where, key: "B", actor: testActor }))).toEqual({ key: "B", revision: 3 });
    expect(value(await readEnvironmentSecrets(db, where))).toEqual({ A: "1" });

    const before = await rowCounts(db);
    expect(failure(await deleteEnvironmentSetting(db, { ...where, key: "B", actor: testActor }))).toEqual({
      code: "not_found",
      message: "production has no setting named B.",
    });
    expect(failure(await deleteEnvironmentSetting(db, { ...where, key: " ", actor: testActor })).code).toBe("invalid");
    expect(await rowCounts(db)).toEqual(before);
  });
});
