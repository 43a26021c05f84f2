import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { newProject, newVersion, stubTestSecretKey, value } from "@/lib/deployments/test-fixtures";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { setupTestDb } from "@/lib/testing/harness";
import { createVersion } from "@/lib/versions/create-version";
import { csvCell, exportFileName, streamActivityExport, type ExportFormat } from "./export-activity";

stubTestSecretKey();
const testDb = setupTestDb();

const TOKEN = "erp_live_9f8e7d6c5b4a3210";

async function exported(projectId: string, format: ExportFormat, batchSize = 2, filters = {}) {
  const chunks: string[] = [];
  const reader = streamActivityExport(testDb.db, { projectId, filters, format, batchSize }).getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    chunks.push(decoder.decode(chunk, { stream: true }));
  }
  return { text: chunks.join(""), chunks: chunks.length };
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe("CSV cells", () => {
  it("quotes quotes, commas and line breaks, and defuses formulas", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell(null)).toBe("");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"http://evil.example\")")).toBe("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1`).replace(/^"/, "")).toMatch(/^'/);
  });
});

describe("streamActivityExport", () => {
  it("streams every event once, newest first, in batches, as CSV a spreadsheet reads back", async () => {
    const { db } = testDb;
    const project = await newProject(db, "export-csv");
    for (const [index, name] of ["1.0.0", '=cmd|" /C calc"!A0', 'a,b "c"'].entries()) {
      value(await createDraftFile(db, { projectId: project.projectId, path: `changes/${index}.txt`, content: name }));
      value(await createVersion(db, { projectId: project.projectId, name, origin: "manual", author: "ada@example.com" }));
    }
    value(
      await setEnvironmentSetting(db, {
        projectId: project.projectId,
        environmentId: project.environments.production,
        key: "ERP_API_TOKEN",
        value: TOKEN,
        isSecret: true,
        mode: "create",
        actor: { id: "user-ada", name: "@Ada" },
      }),
    );

    const { text, chunks } = await exported(project.projectId, "csv");
    expect(chunks).toBeGreaterThan(2);
    expect(text).not.toContain(TOKEN);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["id", "time", "person", "person_id", "kind", "kind_label", "environment", "environment_id", "description", "summary"]);
    expect(rows.map((row) => row[4])).toEqual(["settings.changed", "version.created", "version.created", "version.created"]);
    expect(new Set(rows.map((row) => row[0])).size).toBe(4);
    expect(rows[0]!.slice(2, 9)).toEqual([
      "'@Ada",
      "user-ada",
      "settings.changed",
      "Settings changed",
      "production",
      project.environments.production,
      "'@Ada added secret ERP_API_TOKEN to production",
    ]);
    expect(rows[1]![8]).toBe('ada@example.com created version a,b "c" (#3)');
    expect(rows[2]![8]).toBe('ada@example.com created version =cmd|" /C calc"!A0 (#2)');
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(JSON.parse(rows[3]![9]!)).toMatchObject({ name: "1.0.0", number: 1, origin: "manual" });
  });

  it("streams JSON Lines, one parseable event per line, with the filters applied", async () => {
    const { db } = testDb;
    const project = await newProject(db, "export-jsonl");
    for (const name of ["1.0.0", "1.1.0", "1.2.0"]) await newVersion(db, project.projectId, name);
    const { text } = await exported(project.projectId, "jsonl", 2, { kind: "version.created" });
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((event) => (event.summary as { name: string }).name)).toEqual(["1.2.0", "1.1.0", "1.0.0"]);
    expect(events[0]).toMatchObject({ kind: "version.created", actorName: "ada@example.com", actorId: null, description: "ada@example.com created version 1.2.0 (#3)" });
    expect((await exported(project.projectId, "jsonl", 2, { kind: "draft.restored" })).text).toBe("");
  });

  it("names the file after the project, the log and the day", () => {
    expect(exportFileName("order-sync", "csv", new Date("2026-11-29T10:00:00Z"))).toBe("draftline-order-sync-activity-2026-11-29.csv");
  });
});
