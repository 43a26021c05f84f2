import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { API, draftFile, withoutRunHealth } from "./api";
import { SAME_ORIGIN } from "./base-url";
import { WorkspacePage } from "./pages/workspace";

const ERROR_CODES = ["invalid", "conflict", "not_found", "forbidden", "too_large"];
/** What leaks when a handler throws instead of answering: stack frames, parser and database errors. */
const LEAK = /Unexpected token|is not valid JSON|SyntaxError|TypeError|\bat \S+ \(|prisma|invalid input syntax|\bundefined\b|\[object Object\]/i;

interface Ids {
  versionId: string;
  environmentId: string;
}

/** Everything a bad request could have disturbed, as the app's own JSON routes report it. */
async function snapshot(request: APIRequestContext) {
  const read = async (path: string) => {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    return response.json();
  };
  const environments = (await read(`${API}/environments`)) as Array<{ id: string }>;
  return withoutRunHealth({
    files: await read(`${API}/files`),
    versions: await read(`${API}/versions?limit=200`),
    names: await read(`${API}/versions/names`),
    draft: await read(`${API}/draft/status`),
    environments,
    histories: await Promise.all(environments.map(({ id }) => read(`${API}/environments/${id}/history?limit=200`))),
  });
}

async function expectReadableError(response: APIResponse, label: string, status?: number) {
  const text = await response.text();
  expect(response.status(), `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status(), `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (status !== undefined) expect(response.status(), label).toBe(status);
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${label}: the answer is not JSON: ${text.slice(0, 300)}`);
  }
  expect(ERROR_CODES, label).toContain(body.error?.code);
  const message = body.error?.message;
  expect(typeof message, label).toBe("string");
  expect((message as string).length, label).toBeGreaterThan(5);
  expect(message, label).not.toMatch(LEAK);
}

let ids: Ids;
let before: Awaited<ReturnType<typeof snapshot>>;

async function latestVersions(request: APIRequestContext) {
  return (await (await request.get(`${API}/versions?limit=1`)).json()) as { items: Array<{ id: string }> };
}

test.beforeAll(async ({ request, browser }) => {
  let versions = await latestVersions(request);
  if (versions.items.length === 0) {
    // The seeded project has no version yet: make one the way a person would.
    const page = await browser.newPage();
    const workspace = new WorkspacePage(page);
    await workspace.open("README.md");
    await workspace.createVersion(`bad-input-${Date.now()}`, "A version for the bad-input checks");
    await page.close();
    versions = await latestVersions(request);
  }
  const environments = (await (await request.get(`${API}/environments`)).json()) as Array<{ id: string }>;
  expect(versions.items.length).toBeGreaterThan(0);
  expect(environments.length).toBeGreaterThan(0);
  ids = { versionId: versions.items[0]!.id, environmentId: environments[0]!.id };
});

test.beforeEach(async ({ request }) => {
  before = await snapshot(request);
});

test.afterEach(async ({ request }) => {
  expect(await snapshot(request), "state after the bad requests").toEqual(before);
});

const BAD_PATHS = [
  "../README.md",
  "src/../../README.md",
  "/README.md",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "READ\u0007ME.md",
  "line\nbreak.md",
  "x".repeat(5000),
];
/** A lone surrogate cannot be percent-encoded as UTF-8; these are the bytes a careless client sends. */
const LONE_SURROGATE_URL = "%ED%A0%80";

test("unknown projects are 404 on every route", async ({ request }) => {
  const unknown = `/api/projects/no-such-project-${Date.now()}`;
  const env = ids.environmentId;
  const version = ids.versionId;
  for (const path of [
    "/files",
    "/files/content?path=README.md",
    "/compare?from=draft&to=draft",
    "/environments",
    `/environments/${env}/deploy-preview`,
    `/environments/${env}/history`,
    `/environments/${env}/settings-comparison?versionId=${version}`,
    `/environments/${env}/settings`,
    "/draft/status",
    "/versions",
    "/versions/names",
    `/versions/${version}/files?path=README.md`,
    `/versions/${version}/restore-preview`,
  ]) {
    await expectReadableError(await request.get(`${unknown}${path}`), `GET ${path} of an unknown project`, 404);
  }
  const save = await request.put(`${unknown}/files/content?path=README.md`, {
    headers: { ...SAME_ORIGIN, "content-type": "application/json" },
    data: JSON.stringify({ content: "x", baseRevision: 1 }),
  });
  await expectReadableError(save, "PUT to an unknown project", 404);
});

test("reading a draft file: missing, traversing, absolute and control-character paths", async ({ request }) => {
  await expectReadableError(await request.get(`${API}/files/content`), "no ?path", 400);
  await expectReadableError(await request.get(`${API}/files/content?path=`), "empty ?path", 400);
  for (const path of [...BAD_PATHS, "readme.md", "does/not/exist.ts"]) {
    await expectReadableError(await request.get(`${API}/files/content?path=${encodeURIComponent(path)}`), `GET path ${JSON.stringify(path.slice(0, 40))}`);
  }
  await expectReadableError(await request.get(`${API}/files/content?path=${LONE_SURROGATE_URL}.md`), "path with a lone surrogate");
  // Extra query parameters are ignored, not an error.
  expect((await request.get(`${API}/files/content?path=README.md&path2=x&debug=1`)).ok()).toBe(true);
});

test("autosave: malformed bodies are refused with a clear message", async ({ request }) => {
  const current = await draftFile(request, "README.md");
  const put = (body: string, path = "README.md") =>
    request.put(`${API}/files/content?path=${encodeURIComponent(path)}`, { headers: { ...SAME_ORIGIN, "content-type": "application/json" }, data: body });
  const base = current.revision;

  const bodies: Array<[string, string]> = [
    ["empty body", ""],
    ["not JSON", "{content: 'x'"],
    ["JSON null", "null"],
    ["an array", "[]"],
    ["missing content", JSON.stringify({ baseRevision: base })],
    ["missing baseRevision", JSON.stringify({ content: "x" })],
    ["number for content", JSON.stringify({ content: 42, baseRevision: base })],
    ["string for baseRevision", JSON.stringify({ content: "x", baseRevision: String(base) })],
    ["fractional baseRevision", JSON.stringify({ content: "x", baseRevision: base + 0.5 })],
    ["negative baseRevision", JSON.stringify({ content: "x", baseRevision: -1 })],
    ["huge baseRevision", `{"content":"x","baseRevision":1e400}`],
    ["NUL in content", JSON.stringify({ content: "a\u0000b", baseRevision: base })],
    ["lone high surrogate", `{"content":"broken \\ud800 text","baseRevision":${base}}`],
    ["lone low surrogate", `{"content":"broken \\udc00 text","baseRevision":${base}}`],
    ["a revision from the future", JSON.stringify({ content: "x", baseRevision: base + 1_000_000 })],
  ];
  for (const [label, body] of bodies) await expectReadableError(await put(body), label);

  const huge = await put(JSON.stringify({ content: "x".repeat(10 * 1024 * 1024), baseRevision: base }));
  await expectReadableError(huge, "10 MB content", 413);

  for (const path of [...BAD_PATHS, "readme.md", "README.MD"]) {
    await expectReadableError(await put(JSON.stringify({ content: "x", baseRevision: base }), path), `PUT path ${JSON.stringify(path.slice(0, 40))}`);
  }
  await expectReadableError(
    await request.put(`${API}/files/content?path=${LONE_SURROGATE_URL}.md`, {
      headers: { ...SAME_ORIGIN, "content-type": "application/json" },
      data: JSON.stringify({ content: "x", baseRevision: base }),
    }),
    "PUT path with a lone surrogate",
  );
  const noPath = await request.put(`${API}/files/content`, {
    headers: { ...SAME_ORIGIN, "content-type": "application/json" },
    data: JSON.stringify({ content: "x", baseRevision: base }),
  });
  await expectReadableError(noPath, "PUT without ?path", 400);

  // Bytes that are not UTF-8 would be stored as U+FFFD without anyone noticing.
  const invalidUtf8 = Buffer.concat([Buffer.from(`{"content":"caf`), Buffer.from([0xe9]), Buffer.from(`","baseRevision":${base}}`)]);
  const notUtf8 = await request.put(`${API}/files/content?path=README.md`, { headers: { ...SAME_ORIGIN, "content-type": "application/json" }, data: invalidUtf8 });
  await expectReadableError(notUtf8, "PUT with invalid UTF-8", 400);
  expect((await notUtf8.json()).error.message).toBe("The file is not valid UTF-8 text.");
  // Only JSON is JSON: a type that merely starts with the same letters is refused.
  const patchType = await request.put(`${API}/files/content?path=README.md`, {
    headers: { ...SAME_ORIGIN, "content-type": "application/json-patch+json" },
    data: JSON.stringify({ content: "x", baseRevision: base }),
  });
  await expectReadableError(patchType, "PUT as application/json-patch+json", 400);
  expect((await draftFile(request, "README.md")).content).toBe(current.content);
});

test("compare: missing, unknown and foreign refs", async ({ request }) => {
  const { versionId, environmentId } = ids;
  for (const query of [
    "",
    "from=draft",
    "to=draft",
    "from=&to=draft",
    `from=draft&to=${"x".repeat(300)}`,
    `from=draft&to=${randomUUID()}`,
    `from=${environmentId}&to=draft`,
    `from=draft&to=${encodeURIComponent("../../etc/passwd")}`,
    `from=draft&to=${versionId.toUpperCase()}x`,
  ]) {
    await expectReadableError(await request.get(`${API}/compare?${query}`), `compare ?${query.slice(0, 60)}`);
  }
});

test("environments: unknown and foreign ids, malformed paging", async ({ request }) => {
  const { versionId, environmentId } = ids;
  const unknownIds = [randomUUID(), versionId, "not-an-id", encodeURIComponent("../..")];
  for (const id of unknownIds) {
    for (const route of ["deploy-preview", "history", "settings", `settings-comparison?versionId=${versionId}`]) {
      await expectReadableError(await request.get(`${API}/environments/${id}/${route}`), `environment ${id} ${route}`, 404);
    }
  }
  for (const versionQuery of [randomUUID(), environmentId, "x".repeat(1000)]) {
    await expectReadableError(
      await request.get(`${API}/environments/${environmentId}/deploy-preview?versionId=${versionQuery}`),
      `deploy-preview of version ${versionQuery.slice(0, 40)}`,
      404,
    );
    await expectReadableError(
      await request.get(`${API}/environments/${environmentId}/settings-comparison?versionId=${versionQuery}`),
      `settings-comparison of version ${versionQuery.slice(0, 40)}`,
    );
  }
  await expectReadableError(await request.get(`${API}/environments/${environmentId}/settings-comparison`), "settings-comparison without versionId", 400);
  for (const query of ["before=abc", "before=-1", "before=1.5", "limit=0", "limit=201", "limit=abc", "limit=1e999"]) {
    await expectReadableError(await request.get(`${API}/environments/${environmentId}/history?${query}`), `history ?${query}`, 400);
  }
});

test("versions: malformed paging and search, unknown and foreign version ids", async ({ request }) => {
  const { versionId, environmentId } = ids;
  for (const query of [
    "before=abc",
    "before=0",
    "before=-3",
    "limit=0",
    "limit=500",
    "limit=2.5",
    `search=${encodeURIComponent("a\u0000b")}`,
    `search=${"x".repeat(201)}`,
  ]) {
    await expectReadableError(await request.get(`${API}/versions?${query}`), `versions ?${query.slice(0, 40)}`, 400);
  }
  // Unusual but harmless searches answer with an (empty) page, not an error.
  for (const search of ["%", "_", "\\", "'; DROP TABLE versions; --"].map(encodeURIComponent).concat(LONE_SURROGATE_URL)) {
    expect((await request.get(`${API}/versions?search=${search}`)).ok(), `search ${search}`).toBe(true);
  }

  for (const id of [randomUUID(), environmentId, "not-an-id", encodeURIComponent(" ")]) {
    await expectReadableError(await request.get(`${API}/versions/${id}/files?path=README.md`), `files of version ${id}`, 404);
    await expectReadableError(await request.get(`${API}/versions/${id}/restore-preview`), `restore-preview of version ${id}`, 404);
  }
  await expectReadableError(await request.get(`${API}/versions/${versionId}/files`), "version file without ?path", 400);
  for (const path of [...BAD_PATHS, "does/not/exist.ts"]) {
    await expectReadableError(
      await request.get(`${API}/versions/${versionId}/files?path=${encodeURIComponent(path)}`),
      `version file ${JSON.stringify(path.slice(0, 40))}`,
    );
  }
});

// PostgreSQL text cannot hold NUL: the handlers check ids (lib/ids) and paths (validatePath)
// before any query, so an id or path carrying one is a 4xx, never a 500.
test("a NUL character in an id or a path is refused as invalid input", async ({ request }) => {
  const { versionId, environmentId } = ids;
  const nul = encodeURIComponent("a\u0000b");
  const gets = [
    `/files/content?path=${nul}`,
    `/compare?from=draft&to=${nul}`,
    `/environments/${nul}/deploy-preview`,
    `/environments/${nul}/history`,
    `/environments/${nul}/settings`,
    `/environments/${nul}/settings-comparison?versionId=${versionId}`,
    `/environments/${environmentId}/deploy-preview?versionId=${nul}`,
    `/environments/${environmentId}/settings-comparison?versionId=${nul}`,
    `/versions/${nul}/files?path=README.md`,
    `/versions/${nul}/restore-preview`,
    `/versions/${versionId}/files?path=${nul}`,
  ];
  const failures: string[] = [];
  for (const path of gets) {
    const response = await request.get(`${API}${path}`);
    if (response.status() < 400 || response.status() >= 500) failures.push(`GET ${path} → ${response.status()}`);
  }
  const current = await draftFile(request, "README.md");
  const save = await request.put(`${API}/files/content?path=${nul}`, {
    headers: { ...SAME_ORIGIN, "content-type": "application/json" },
    data: JSON.stringify({ content: "x", baseRevision: current.revision }),
  });
  if (save.status() < 400 || save.status() >= 500) failures.push(`PUT path with NUL → ${save.status()}`);
  expect(failures).toEqual([]);
});
