import { SAME_ORIGIN } from "./base-url";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { API, projectSnapshot } from "./api";
import { AccountPage } from "./pages/account";
import { WorkspacePage } from "./pages/workspace";
import { actionIds, actionResult, captureAction, encodeArgs, sendAction, type CapturedAction } from "./server-actions";
import { tokenApiCorpus } from "./token-api-corpus";

/**
 * A corpus of hostile requests sent over HTTP to the production server: every JSON route and
 * every server action, with wrong types, missing fields, unknown and foreign ids, huge strings,
 * `..`, NUL, lone surrogates and broken bodies. Each refusal must be a 4xx (an action: a typed
 * failure) with a message written for a person that echoes no long input, and nothing may change.
 */

const ZOD_DEFAULT = /Invalid input|expected \w+, received|undefined/;
const MAX_ECHO = 80;
const UNKNOWN_ID = randomUUID();
const HUGE = "x".repeat(1_500_000);
const LONG_PATH = "deep/".repeat(200);
const MALFORMED_IDS = ["not-an-id", "\u0000", "\ud800", "9".repeat(1000)];

interface Ids {
  versionId: string;
  development: string;
  staging: string;
}

interface Counts {
  tried: number;
  clean: number;
  serverErrors: number;
}

/** The longest pieces of `inputs` the answer may not repeat. */
function echoed(text: string, inputs: string[]): string | undefined {
  for (const input of inputs) {
    if (input.length <= MAX_ECHO) continue;
    for (let offset = 0; offset < Math.min(10, input.length - MAX_ECHO); offset++) {
      const window = input.slice(offset, offset + MAX_ECHO + 1);
      if (text.includes(window)) return window;
    }
  }
  return undefined;
}

/** Checks one refusal's error object; returns the problems found (empty when clean). */
function judgeError(
  error: { code?: unknown; message?: unknown; fields?: unknown } | undefined,
  codes: string[],
  inputs: string[],
  fieldNames: string[] = [],
): string[] {
  const problems: string[] = [];
  if (!error) return ["no error object"];
  if (!codes.includes(String(error.code))) problems.push(`code ${String(error.code)}, expected ${codes.join("|")}`);
  const message = typeof error.message === "string" ? error.message : "";
  if (message.length < 6) problems.push(`message ${JSON.stringify(error.message)}`);
  if (ZOD_DEFAULT.test(message)) problems.push(`zod default message ${JSON.stringify(message.slice(0, 120))}`);
  const fields = (error.fields ?? {}) as Record<string, unknown>;
  for (const [field, fieldMessage] of Object.entries(fields)) {
    if (!fieldNames.includes(field)) problems.push(`field "${field}" is no field of the request`);
    if (typeof fieldMessage !== "string" || ZOD_DEFAULT.test(fieldMessage)) problems.push(`field ${field}: ${JSON.stringify(fieldMessage)}`);
  }
  const echo = echoed(JSON.stringify(error), inputs.map((input) => JSON.stringify(input).slice(1, -1)));
  if (echo) problems.push(`echoes ${echo.length}+ characters of the input`);
  return problems;
}

/** Sends a request; a connection the server dropped counts as a crash, not as the end of the corpus. */
async function attempt(send: () => Promise<APIResponse>): Promise<{ ok: true; response: APIResponse; text: string } | { ok: false; problem: string }> {
  try {
    const response = await send();
    return { ok: true, response, text: await response.text() };
  } catch (error) {
    return { ok: false, problem: `no answer: ${(error as Error).message.split("\n")[0]}` };
  }
}

function note(counts: Counts, status: number, problems: string[], label: string) {
  counts.tried++;
  if (status >= 500) counts.serverErrors++;
  if (problems.length === 0) counts.clean++;
  expect.soft(problems, label).toEqual([]);
}

function report(label: string, counts: Counts) {
  const line = `${label}: ${counts.tried} tried, ${counts.clean} refused cleanly, ${counts.serverErrors} answered 5xx`;
  console.log(line);
  test.info().annotations.push({ type: "corpus", description: line });
}

/** Every route handler file, so a route added later cannot be forgotten here. */
function routeFiles(): string[] {
  return ["app/api", "app/sample-api"]
    .flatMap((folder) =>
      (readdirSync(folder, { recursive: true }) as string[])
        .filter((file) => path.basename(file) === "route.ts")
        .map((file) => `${folder}/${file.split(path.sep).join("/")}`),
    )
    .sort();
}

let ids: Ids;
let apiToken: string;
let before: Awaited<ReturnType<typeof projectSnapshot>>;

test.beforeAll(async ({ request, browser }) => {
  const environments = (await (await request.get(`${API}/environments`)).json()) as Array<{ id: string; name: string }>;
  const byName = (name: string) => environments.find((environment) => environment.name === name)!.id;
  let versions = (await (await request.get(`${API}/versions?limit=1`)).json()) as { items: Array<{ id: string }> };
  if (versions.items.length === 0) {
    const page = await browser.newPage();
    await new WorkspacePage(page).open("README.md");
    await new WorkspacePage(page).createVersion(`hostile-${Date.now()}`, "A version for the hostile requests");
    await page.close();
    versions = (await (await request.get(`${API}/versions?limit=1`)).json()) as { items: Array<{ id: string }> };
  }
  ids = { versionId: versions.items[0]!.id, development: byName("development"), staging: byName("staging") };
  const page = await browser.newPage();
  await page.goto("/account");
  const account = new AccountPage(page);
  apiToken = await account.finishToken(await account.startToken("hostile requests"));
  await page.close();
});

test.beforeEach(async ({ request }) => {
  before = await projectSnapshot(request);
});

test.afterEach(async ({ request }) => {
  expect(await projectSnapshot(request), "the data after the hostile requests").toEqual(before);
});

interface RouteCase {
  label: string;
  method?: "GET" | "PUT" | "POST" | "DELETE";
  url: string;
  body?: string;
  status: number[];
  codes: string[];
  inputs?: string[];
  /** The token API's calls carry a bearer token (and never need Origin). */
  headers?: Record<string, string>;
  /** The request's field names an error may have a message for. */
  fields?: string[];
}

/** encodeURIComponent, except that a lone surrogate goes out as the UTF-8 bytes a careless client sends. */
const e = (text: string) => text.split("\ud800").map(encodeURIComponent).join("%ED%A0%80");
const NOT_FOUND = { status: [404], codes: ["not_found"] };
const BAD = { status: [400], codes: ["invalid"] };
const BAD_OR_MISSING = { status: [400, 404], codes: ["invalid", "not_found"] };
/** A path segment whose percent-escapes are no text is refused as a malformed address; other bad ids are unknown. */
const inPath = (segment: string) => (segment.includes("\ud800") ? BAD : NOT_FOUND);

function routeCorpus(): Record<string, RouteCase[]> {
  const env = `${API}/environments/${ids.development}`;
  const version = `${API}/versions/${ids.versionId}`;
  const badEnvironments = (route: string, query = ""): RouteCase[] => [
    { label: `${route} of an unknown environment`, url: `${API}/environments/${UNKNOWN_ID}/${route}${query}`, ...NOT_FOUND },
    { label: `${route} of a version id as environment`, url: `${API}/environments/${ids.versionId}/${route}${query}`, ...NOT_FOUND },
    ...MALFORMED_IDS.map((id) => ({
      label: `${route} of environment ${JSON.stringify(id.slice(0, 12))}`,
      url: `${API}/environments/${e(id)}/${route}${query}`,
      ...inPath(id),
      inputs: [id],
    })),
  ];
  const badVersions = (route: string, query = ""): RouteCase[] => [
    { label: `${route} of an unknown version`, url: `${API}/versions/${UNKNOWN_ID}/${route}${query}`, ...NOT_FOUND },
    { label: `${route} of an environment id as version`, url: `${API}/versions/${ids.development}/${route}${query}`, ...NOT_FOUND },
    ...MALFORMED_IDS.map((id) => ({
      label: `${route} of version ${JSON.stringify(id.slice(0, 12))}`,
      url: `${API}/versions/${e(id)}/${route}${query}`,
      ...inPath(id),
      inputs: [id],
    })),
  ];
  const badPaths = (base: string): RouteCase[] =>
    [undefined, "", "..", "../README.md", "/etc/passwd", "a\u0000b", "\ud800.md", LONG_PATH, "x".repeat(5000), "no/such/file.md"].map((file) => ({
      label: `${base.replace(API, "")} path ${JSON.stringify((file ?? "absent").slice(0, 20))}`,
      url: file === undefined ? base : `${base}?path=${e(file)}`,
      ...BAD_OR_MISSING,
      inputs: file ? [file] : [],
    }));
  const saveBodies: Array<[string, string]> = [
    ["empty body", ""],
    ["non-JSON", "{content: 'x'"],
    ["null", "null"],
    ["array", "[]"],
    ["missing content", JSON.stringify({ baseRevision: 1 })],
    ["missing baseRevision", JSON.stringify({ content: "x" })],
    ["content a number", JSON.stringify({ content: 42, baseRevision: 1 })],
    ["baseRevision text", JSON.stringify({ content: "x", baseRevision: "1" })],
    ["baseRevision huge", JSON.stringify({ content: "x", baseRevision: 2 ** 53 })],
    ["content with NUL", JSON.stringify({ content: "a\u0000b", baseRevision: 1 })],
    ["content with a lone surrogate", JSON.stringify({ content: "a\ud800b", baseRevision: 1 })],
  ];
  return {
    ...sampleApiCorpus(),
    "app/api/health/route.ts": [],
    // Better Auth's endpoints answer in its own shape ({ code, message }); wrong credentials, bad
    // input and the rate limit are tried in sign-in.spec.ts, first-start.spec.ts and lib/auth/sign-in.test.ts.
    "app/api/auth/[...all]/route.ts": [],
    "app/api/projects/[slug]/files/route.ts": [],
    "app/api/projects/[slug]/files/content/route.ts": [
      ...badPaths(`${API}/files/content`),
      ...saveBodies.map(([label, body]) => ({
        label: `autosave with ${label}`,
        method: "PUT" as const,
        url: `${API}/files/content?path=README.md`,
        body,
        status: [400, 409],
        codes: ["invalid", "conflict"],
        inputs: [body],
      })),
      ...badPaths(`${API}/files/content`)
        .filter(({ url }) => url.includes("?path="))
        .map((bad) => ({ ...bad, label: `autosave to ${bad.label}`, method: "PUT" as const, body: JSON.stringify({ content: "x", baseRevision: 1 }) })),
    ],
    "app/api/projects/[slug]/compare/route.ts": [
      { label: "compare without sides", url: `${API}/compare`, ...BAD },
      { label: "compare an unknown version", url: `${API}/compare?from=draft&to=${UNKNOWN_ID}`, ...BAD_OR_MISSING },
      ...["..", "\u0000", "\ud800", "x".repeat(1000)].map((side) => ({
        label: `compare with side ${JSON.stringify(side.slice(0, 12))}`,
        url: `${API}/compare?from=draft&to=${e(side)}`,
        ...BAD_OR_MISSING,
        inputs: [side],
      })),
    ],
    "app/api/projects/[slug]/environments/route.ts": [],
    "app/api/projects/[slug]/environments/[environmentId]/deploy-preview/route.ts": [
      ...badEnvironments("deploy-preview"),
      { label: "deploy-preview of an unknown version", url: `${env}/deploy-preview?versionId=${UNKNOWN_ID}`, ...NOT_FOUND },
      ...MALFORMED_IDS.map((id) => ({ label: `deploy-preview of versionId ${JSON.stringify(id.slice(0, 12))}`, url: `${env}/deploy-preview?versionId=${e(id)}`, ...BAD_OR_MISSING, inputs: [id] })),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/history/route.ts": [
      ...badEnvironments("history"),
      ...["-1", "1.5", "abc", "\u0000", "9".repeat(400)].flatMap((value) => [
        { label: `history before=${JSON.stringify(value.slice(0, 12))}`, url: `${env}/history?before=${e(value)}`, ...BAD, inputs: [value] },
        { label: `history limit=${JSON.stringify(value.slice(0, 12))}`, url: `${env}/history?limit=${e(value)}`, ...BAD, inputs: [value] },
      ]),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/executions/route.ts": [
      ...badEnvironments("executions"),
      ...[
        ["status", "nope"],
        ["trigger", "cron"],
        ["version", "abc"],
        ["version", "-1"],
        ["status", "\u0000"],
      ].map(([name, value]) => ({ label: `executions ${name}=${JSON.stringify(value)}`, url: `${env}/executions?${name}=${e(value!)}`, ...BAD, inputs: [value!] })),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/executions/[executionId]/route.ts": [
      ...badEnvironments(`executions/${UNKNOWN_ID}`),
      { label: "an unknown execution", url: `${env}/executions/${UNKNOWN_ID}`, ...NOT_FOUND },
      { label: "a version id as execution", url: `${env}/executions/${ids.versionId}`, ...NOT_FOUND },
      ...MALFORMED_IDS.map((id) => ({ label: `execution ${JSON.stringify(id.slice(0, 12))}`, url: `${env}/executions/${e(id)}`, ...inPath(id), inputs: [id] })),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/workflows/route.ts": badEnvironments("workflows"),
    "app/api/projects/[slug]/environments/[environmentId]/versions-run/route.ts": [
      ...badEnvironments("versions-run", `?versionIds=${ids.versionId}`),
      { label: "versions-run of 10,000 ids", url: `${env}/versions-run?versionIds=${Array.from({ length: 400 }, () => UNKNOWN_ID).join(",")}`, ...BAD, status: [400, 413, 414, 431], codes: ["invalid", "too_large"] },
    ],
    "app/api/projects/[slug]/environments/[environmentId]/settings-comparison/route.ts": [
      ...badEnvironments("settings-comparison", `?versionId=${ids.versionId}`),
      { label: "settings-comparison without a version", url: `${env}/settings-comparison`, ...BAD_OR_MISSING },
      { label: "settings-comparison of an unknown version", url: `${env}/settings-comparison?versionId=${UNKNOWN_ID}`, ...NOT_FOUND },
      ...MALFORMED_IDS.map((id) => ({ label: `settings-comparison of versionId ${JSON.stringify(id.slice(0, 12))}`, url: `${env}/settings-comparison?versionId=${e(id)}`, ...BAD_OR_MISSING, inputs: [id] })),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/settings/route.ts": badEnvironments("settings"),
    "app/api/projects/[slug]/environments/[environmentId]/settings-revisions/route.ts": [
      ...badEnvironments("settings-revisions"),
      ...["abc", "-1", "0", "1.5", "1e999", "\u0000"].map((before) => ({ label: `settings-revisions before ${JSON.stringify(before)}`, url: `${env}/settings-revisions?before=${e(before)}`, ...BAD, inputs: [before] })),
    ],
    "app/api/projects/[slug]/environments/[environmentId]/settings-revisions/compare/route.ts": [
      ...badEnvironments("settings-revisions/compare", "?from=1&to=1"),
      { label: "settings-revisions/compare without revisions", url: `${env}/settings-revisions/compare`, ...BAD },
      ...["abc", "-1", "0", "1.5", "9".repeat(400)].map((from) => ({ label: `settings-revisions/compare from ${JSON.stringify(from.slice(0, 12))}`, url: `${env}/settings-revisions/compare?from=${e(from)}&to=1`, ...BAD, inputs: [from] })),
      { label: "settings-revisions/compare of unknown revisions", url: `${env}/settings-revisions/compare?from=99999999&to=99999998`, ...NOT_FOUND },
    ],
    "app/api/projects/[slug]/settings-compare/route.ts": [
      { label: "settings-compare without a key", url: `${API}/settings-compare`, ...BAD },
      ...["a b", "../x", "\u0000", "K".repeat(400), "\ud800"].map((key) => ({ label: `settings-compare of key ${JSON.stringify(key.slice(0, 12))}`, url: `${API}/settings-compare?key=${e(key)}`, ...BAD, inputs: [key] })),
    ],
    "app/api/projects/[slug]/draft/changes/route.ts": [
      ...["-1", "abc", "1.5", "\u0000", "9".repeat(400)].map((since) => ({
        label: `changes since ${JSON.stringify(since.slice(0, 12))}`,
        url: `${API}/draft/changes?since=${e(since)}`,
        ...BAD,
        inputs: [since],
      })),
      ...["-1", "26", "1.5", "abc", "9".repeat(400)].map((wait) => ({
        label: `changes waiting ${JSON.stringify(wait.slice(0, 12))} seconds`,
        url: `${API}/draft/changes?since=0&wait=${e(wait)}`,
        ...BAD,
        inputs: [wait],
      })),
    ],
    "app/api/projects/[slug]/draft/unchanged-since/route.ts": [],
    "app/api/projects/[slug]/draft/status/route.ts": [],
    "app/api/projects/[slug]/versions/route.ts": [
      ...["-1", "abc", "1.5", "9".repeat(400)].flatMap((value) => [
        { label: `versions before=${JSON.stringify(value.slice(0, 12))}`, url: `${API}/versions?before=${e(value)}`, ...BAD, inputs: [value] },
        { label: `versions limit=${JSON.stringify(value.slice(0, 12))}`, url: `${API}/versions?limit=${e(value)}`, ...BAD, inputs: [value] },
      ]),
      { label: "versions origin=nope", url: `${API}/versions?origin=nope`, ...BAD },
      { label: "versions search of 1,000 characters", url: `${API}/versions?search=${"s".repeat(1000)}`, ...BAD, inputs: ["s".repeat(1000)] },
      { label: "versions search with NUL", url: `${API}/versions?search=%00`, ...BAD },
      { label: "versions author of 1,000 characters", url: `${API}/versions?author=${"a".repeat(1000)}`, ...BAD, inputs: ["a".repeat(1000)] },
    ],
    "app/api/projects/[slug]/versions/names/route.ts": ["", "\u0000", "n".repeat(1000)].map((name) => ({
      label: `names ?name=${JSON.stringify(name.slice(0, 12))}`,
      url: `${API}/versions/names?name=${e(name)}`,
      ...BAD,
      inputs: [name],
    })),
    "app/api/projects/[slug]/versions/[versionId]/files/route.ts": [
      ...badVersions("files", "?path=README.md"),
      ...badPaths(`${version}/files`),
    ],
    "app/api/projects/[slug]/versions/[versionId]/restore-preview/route.ts": badVersions("restore-preview"),
    "app/api/projects/[slug]/versions/authors/route.ts": [],
    "app/api/projects/[slug]/members/route.ts": [],
    "app/api/projects/[slug]/deployment-requests/route.ts": [],
    "app/api/projects/[slug]/activity/export/route.ts": [
      { label: "activity export without a format", url: `${API}/activity/export`, ...BAD },
      { label: "activity export as xlsx", url: `${API}/activity/export?format=xlsx`, ...BAD },
      ...[
        ["from", "2026-02-30"],
        ["to", "yesterday"],
        ["kind", "\u0000"],
        ["kind", "k".repeat(1000)],
        ["person", "p".repeat(1000)],
        ["environment", "production"],
      ].map(([name, value]) => ({
        label: `activity export ${name}=${JSON.stringify(value!.slice(0, 12))}`,
        url: `${API}/activity/export?format=csv&${name}=${e(value!)}`,
        ...BAD,
        inputs: [value!],
      })),
    ],
  };
}

/** The sample's stub shop and ERP (the sample project's tokens, lib/sample-api/sample-tokens.ts), called as its runs call them. */
function sampleApiCorpus(): Record<string, RouteCase[]> {
  const shopToken = { authorization: "Bearer sample-shop-token" };
  const erpToken = { authorization: "Bearer sample-erp-token" };
  const UNAUTHENTICATED = { status: [401], codes: ["unauthenticated"] };
  const orders = "/sample-api/shop/admin/api/orders.json";
  const salesOrders = "/sample-api/erp/api/v2/sales-orders";
  const line = { itemNumber: "MUG-BLUE", taxCode: "V19", quantity: 1, unitPrice: 14.5 };
  const salesOrder = { documentType: "WEB", externalReference: "#hostile", customerNumber: "WEB-1", currency: "EUR", lines: [line] };
  const erp = (label: string, body: string, expected: { status: number[]; codes: string[] }, headers: Record<string, string> = {}, url = salesOrders): RouteCase => ({
    label: `sample ERP ${label}`,
    method: "POST",
    url,
    body,
    headers: { ...erpToken, "idempotency-key": randomUUID(), ...headers },
    ...expected,
    inputs: [body],
  });
  return {
    "app/sample-api/shop/[...path]/route.ts": [
      { label: "sample shop without a token", url: orders, headers: {}, ...UNAUTHENTICATED },
      { label: "sample shop with the ERP's token", url: orders, headers: erpToken, ...UNAUTHENTICATED },
      { label: "sample shop with a huge token", url: orders, headers: { authorization: `Bearer ${"t".repeat(5000)}` }, ...UNAUTHENTICATED },
      { label: "sample shop's unknown list", url: "/sample-api/shop/admin/api/customers.json", headers: shopToken, ...NOT_FOUND },
      { label: "sample shop's list of a traversal", url: "/sample-api/shop/admin/%2E%2E%2F..%2Fetc%2Fpasswd", headers: shopToken, ...NOT_FOUND },
      { label: "sample shop's list of a lone surrogate", url: `/sample-api/shop/${e("\ud800")}`, headers: shopToken, ...BAD_OR_MISSING },
      ...["yesterday", "\u0000", "9".repeat(1000)].map((since) => ({
        label: `sample shop's orders since ${JSON.stringify(since.slice(0, 12))}`,
        url: `${orders}?updated_at_min=${e(since)}`,
        headers: shopToken,
        ...BAD,
        inputs: [since],
      })),
      ...["0", "-1", "251", "1.5", "abc"].map((limit) => ({ label: `sample shop's orders limit=${limit}`, url: `${orders}?limit=${e(limit)}`, headers: shopToken, ...BAD })),
    ],
    "app/sample-api/erp/[...path]/route.ts": [
      { label: "sample ERP without a token", method: "POST", url: salesOrders, body: JSON.stringify(salesOrder), headers: {}, ...UNAUTHENTICATED },
      { label: "sample ERP with the shop's token", method: "POST", url: salesOrders, body: JSON.stringify(salesOrder), headers: { ...shopToken, "idempotency-key": randomUUID() }, ...UNAUTHENTICATED },
      erp("without an idempotency key", JSON.stringify(salesOrder), BAD, { "idempotency-key": "" }),
      erp("with a 1,000-character idempotency key", JSON.stringify(salesOrder), BAD, { "idempotency-key": "k".repeat(1000) }),
      erp("with an empty body", "", BAD),
      erp("with a non-JSON body", "{lines: [", BAD),
      erp("with null", "null", BAD),
      erp("with an array", "[]", BAD),
      erp("with 1.5 MB", JSON.stringify({ ...salesOrder, externalReference: HUGE }), { status: [413], codes: ["too_large"] }),
      erp("without lines", JSON.stringify({ ...salesOrder, lines: [] }), BAD),
      erp("with a quantity as text", JSON.stringify({ ...salesOrder, lines: [{ ...line, quantity: "2" }] }), BAD),
      erp("with a customer number as a number", JSON.stringify({ ...salesOrder, customerNumber: 42 }), BAD),
      erp("at an unknown endpoint", JSON.stringify(salesOrder), NOT_FOUND, {}, "/sample-api/erp/api/v2/invoices"),
      erp(
        "with a credit note for an unknown sales order",
        JSON.stringify({ externalReference: "x-R1", salesOrderReference: "#never", customerNumber: "WEB-1", currency: "EUR", lines: [{ itemNumber: "A", quantity: 1, amount: 1 }] }),
        NOT_FOUND,
        {},
        "/sample-api/erp/api/v2/credit-notes",
      ),
    ],
  };
}

/** Every project route again with a project that is not there, or cannot be. */
function unknownProjects(files: string[]): RouteCase[] {
  // No "..": a URL's dot segments are resolved by the client before the request leaves.
  const slugs = ["no-such-project", "UPPER", "a\u0000b", "\ud800", "s".repeat(1000)];
  return files
    // The token API's own unknown projects are in tokenApiCorpus: it answers a call without a token 401.
    .filter((file) => file.includes("[slug]") && !file.startsWith("app/api/v1/"))
    .flatMap((file) =>
      slugs.map((slug) => ({
        label: `${file} of project ${JSON.stringify(slug.slice(0, 12))}`,
        url: `/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`
          .replace("[slug]", e(slug))
          .replace("[environmentId]", ids.development)
          .replace("[versionId]", ids.versionId),
        ...inPath(slug),
        inputs: [slug],
      })),
    );
}

async function send(request: APIRequestContext, route: RouteCase): Promise<APIResponse> {
  if (route.headers) {
    return request.fetch(route.url, { method: route.method ?? "GET", headers: { "content-type": "application/json", ...route.headers }, data: route.body });
  }
  if (route.method === "PUT") {
    // Sent as the app's own page sends it: cross-site writes are refused earlier (cross-site.spec.ts).
    return request.put(route.url, { headers: { "content-type": "application/json", ...SAME_ORIGIN }, data: route.body ?? "" });
  }
  return request.get(route.url);
}

test("every JSON route refuses hostile requests with a 4xx and a message for a person", async ({ request }) => {
  const files = routeFiles();
  const corpus = { ...routeCorpus(), ...tokenApiCorpus(ids, apiToken) };
  expect(files, "each route handler has its hostile cases listed here").toEqual(Object.keys(corpus).sort());
  const counts: Counts = { tried: 0, clean: 0, serverErrors: 0 };
  for (const route of [...Object.values(corpus).flat(), ...unknownProjects(files)]) {
    const answer = await attempt(() => send(request, route));
    if (!answer.ok) {
      note(counts, 500, [answer.problem], `${route.method ?? "GET"} ${route.label}`);
      continue;
    }
    const { response, text } = answer;
    const problems: string[] = [];
    if (!route.status.includes(response.status())) problems.push(`status ${response.status()}, expected ${route.status.join("|")}: ${text.slice(0, 200)}`);
    let body: { error?: { code?: unknown; message?: unknown } } = {};
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`not JSON: ${text.slice(0, 120)}`);
    }
    problems.push(...judgeError(body.error, route.codes, route.inputs ?? [], route.fields));
    note(counts, response.status(), problems, `${route.method ?? "GET"} ${route.label}`);
  }
  report("JSON routes", counts);
});

type Kind = "id" | "path" | "name" | "description" | "content" | "boolean" | "key" | "value" | "mode";

interface ActionSpec {
  base: unknown;
  fields: Record<string, Kind>;
  /** Fields that may be left out (they have a default): leaving them out is no hostile request. */
  optional?: string[];
}

const TYPE = ["invalid"];
const ANY_REFUSAL = ["invalid", "not_found", "too_large"];

/** Hostile values for one kind of field, each with the codes its refusal may carry. */
function hostileValues(kind: Kind): Array<[string, unknown, string[]]> {
  const types: Array<[string, unknown, string[]]> = [
    ["null", null, TYPE],
    ["a number", 42, TYPE],
    ["an array", ["x"], TYPE],
    ["an object", { x: 1 }, TYPE],
  ];
  const text: Array<[string, unknown, string[]]> = [
    ["NUL", "a\u0000b", ANY_REFUSAL],
    ["a lone surrogate", "a\ud800b", ANY_REFUSAL],
    ["1.5 MB", HUGE, ANY_REFUSAL],
  ];
  switch (kind) {
    case "id":
      return [
        ...types,
        ["true", true, TYPE],
        ["empty", "", TYPE],
        ["..", "..", ["invalid", "not_found"]],
        ...MALFORMED_IDS.map((id): [string, unknown, string[]] => [`malformed ${JSON.stringify(id.slice(0, 12))}`, id, ["invalid", "not_found"]]),
        ["unknown", UNKNOWN_ID, ["not_found", "conflict"]],
        // Replaced by foreignId(), which knows the field.
        ["foreign", undefined, ["not_found", "conflict"]],
        ["1.5 MB", HUGE, ANY_REFUSAL],
      ];
    case "path":
      return [...types, ...text, ["empty", "", TYPE], ["..", "..", ANY_REFUSAL], ["traversal", "../../etc/passwd", ANY_REFUSAL], ["absolute", "/etc/passwd", ANY_REFUSAL], ["1,000 characters", LONG_PATH, ANY_REFUSAL]];
    case "name":
      return [...types, ...text, ["blank", "   ", TYPE], ["1,000 characters", "n".repeat(1000), TYPE]];
    case "description":
      return [...types, ...text];
    case "content":
      return [...types, ["NUL", "a\u0000b", TYPE], ["a lone surrogate", "a\ud800b", TYPE], ["over 1 MB", "x".repeat(1_100_000), ["too_large"]]];
    case "boolean":
      return [...types, ["text", "true", TYPE]];
    case "key":
      return [...types, ...text, ["empty", "", TYPE], ["..", "..", ANY_REFUSAL], ["1,000 characters", "k".repeat(1000), ANY_REFUSAL]];
    case "value":
      return [...types, ...text];
    case "mode":
      return [...types, ["unknown mode", "delete", TYPE]];
  }
}

/** An id of the wrong kind: a version's where an environment's belongs, and the other way round. */
function foreignId(field: string, ids: Ids): string {
  return field.toLowerCase().includes("version") ? ids.development : ids.versionId;
}

function actionCorpus(ids: Ids): Record<string, ActionSpec> {
  const deploy = { environmentId: "id" as const, confirmed: "boolean" as const };
  return {
    createFileAction: { base: { path: "hostile/new.txt", content: "x" }, fields: { path: "path", content: "content" }, optional: ["content"] },
    deletePathAction: { base: { path: "hostile/none.txt" }, fields: { path: "path" } },
    renamePathAction: { base: { from: "README.md", to: "hostile/renamed.md" }, fields: { from: "path", to: "path" } },
    setNamingConventionAction: { base: "semver", fields: {} },
    // An unknown environment in the base: no variant can queue a run or make a token.
    runWorkflowAction: { base: { environmentId: UNKNOWN_ID, workflow: "syncOrders", input: "" }, fields: { environmentId: "id", workflow: "name", input: "description" }, optional: ["input"] },
    regenerateHookTokenAction: { base: { environmentId: UNKNOWN_ID }, fields: { environmentId: "id" } },
    setTwoFactorRequirementAction: { base: false, fields: {} },
    setEnvironmentSettingAction: {
      base: { environmentId: ids.development, key: "HOSTILE_KEY", value: "v", isSecret: false, mode: "create" },
      fields: { environmentId: "id", key: "key", value: "value", isSecret: "boolean", mode: "mode" },
      optional: ["isSecret"],
    },
    deleteEnvironmentSettingAction: { base: { environmentId: ids.development, key: "HOSTILE_KEY_NONE" }, fields: { environmentId: "id", key: "key" } },
    createVersionAction: { base: { name: `hostile-${Date.now()}`, description: "" }, fields: { name: "name", description: "description" }, optional: ["description"] },
    restoreVersionAction: { base: { versionId: ids.versionId, saveBackup: false }, fields: { versionId: "id", saveBackup: "boolean" } },
    deployVersionAction: { base: { environmentId: ids.development, versionId: ids.versionId, confirmed: true }, fields: { ...deploy, versionId: "id" }, optional: ["confirmed"] },
    deployLatestDraftAction: {
      base: { name: `hostile-deploy-${Date.now()}`, description: "", environmentId: ids.development, confirmed: true },
      fields: { ...deploy, name: "name", description: "description" },
      optional: ["confirmed", "description"],
    },
    promoteEnvironmentAction: {
      base: { fromEnvironmentId: ids.development, toEnvironmentId: ids.staging, expectedVersionId: ids.versionId, confirmed: true },
      fields: { fromEnvironmentId: "id", toEnvironmentId: "id", expectedVersionId: "id", confirmed: "boolean" },
      optional: ["confirmed"],
    },
    rollbackEnvironmentAction: { base: { environmentId: ids.development, expectedVersionId: ids.versionId }, fields: { environmentId: "id", expectedVersionId: "id" } },
    rollbackToLastHealthyAction: { base: { environmentId: ids.development, expectedVersionId: ids.versionId }, fields: { environmentId: "id", expectedVersionId: "id" } },
    rollForwardEnvironmentAction: {
      base: { environmentId: ids.development, expectedVersionId: ids.versionId, confirmed: true },
      fields: { ...deploy, expectedVersionId: "id" },
      optional: ["confirmed"],
    },
    createInviteAction: { base: { email: "hostile@example.com", role: "builder" }, fields: { email: "name", role: "mode" } },
    changeMemberRoleAction: { base: { userId: UNKNOWN_ID, role: "viewer" }, fields: { userId: "id", role: "mode" } },
    removeMemberAction: { base: { userId: UNKNOWN_ID }, fields: { userId: "id" } },
    revokeInviteAction: { base: { inviteId: UNKNOWN_ID }, fields: { inviteId: "id" } },
    approveRequestAction: { base: { requestId: UNKNOWN_ID, comment: "" }, fields: { requestId: "id", comment: "description" }, optional: ["comment"] },
    rejectRequestAction: { base: { requestId: UNKNOWN_ID, comment: "" }, fields: { requestId: "id", comment: "description" }, optional: ["comment"] },
    cancelRequestAction: { base: { requestId: UNKNOWN_ID }, fields: { requestId: "id" } },
    setRequiredApprovalsAction: { base: { environmentId: UNKNOWN_ID, requiredApprovals: 0 }, fields: { environmentId: "id" } },
  };
}

interface ActionCase {
  label: string;
  args: unknown[];
  codes: string[];
  inputs: string[];
  fieldNames: string[];
}

function actionCases(name: string, spec: ActionSpec, ids: Ids): ActionCase[] {
  const fieldNames = Object.keys(spec.fields);
  const cases: ActionCase[] = [];
  const add = (label: string, args: unknown[], codes: string[], input?: unknown) =>
    cases.push({ label: `${name} ${label}`, args, codes, inputs: typeof input === "string" ? [input] : [], fieldNames });
  for (const [label, input] of [["no input", undefined], ["null", null], ["a number", 7], ["text", "x".repeat(200)], ["an array", []]] as const) {
    add(`with ${label} as input`, input === undefined ? ["order-sync"] : ["order-sync", input], TYPE, input);
  }
  for (const slug of [42, "no-such-project", "..", "a\u0000b", "\ud800", "s".repeat(1000)]) {
    add(`in project ${JSON.stringify(String(slug).slice(0, 12))}`, [slug, spec.base], ["not_found"], slug);
  }
  for (const [field, kind] of Object.entries(spec.fields)) {
    const base = spec.base as Record<string, unknown>;
    if (!spec.optional?.includes(field)) {
      const without = Object.fromEntries(Object.entries(base).filter(([key]) => key !== field));
      add(`without ${field}`, ["order-sync", without], TYPE);
    }
    for (const [label, value, codes] of hostileValues(kind)) {
      const hostile = label === "foreign" ? foreignId(field, ids) : value;
      add(`with ${field} ${label}`, ["order-sync", { ...base, [field]: hostile }], codes, hostile);
    }
  }
  return cases;
}

let captured: CapturedAction;

function callAction(request: APIRequestContext, origin: string, actionId: string, body: string, headers: Record<string, string> = {}) {
  return sendAction(request, captured, actionId, body, origin, headers);
}

test("every server action refuses hostile arguments with a typed failure and a message for a person", async ({ page, request, baseURL }) => {
  test.setTimeout(240_000);
  captured = await captureAction(page, "hostile");
  const origin = new URL(baseURL!).origin;
  const idsByName = actionIds();
  const corpus = actionCorpus(ids);
  const actionFiles = (readdirSync("app/projects/[slug]/actions", { recursive: true }) as string[]).filter((file) => /\.ts$/.test(file) && !file.endsWith(".test.ts"));
  expect(Object.keys(idsByName).sort(), "each server action has its hostile cases listed here").toEqual(Object.keys(corpus).sort());
  expect(actionFiles.length, "one action per file").toBe(Object.keys(corpus).length);

  const counts: Counts = { tried: 0, clean: 0, serverErrors: 0 };
  for (const [name, spec] of Object.entries(corpus)) {
    for (const hostile of actionCases(name, spec, ids)) {
      const answer = await attempt(() => callAction(request, origin, idsByName[name]!, encodeArgs(hostile.args)));
      if (!answer.ok) {
        note(counts, 500, [answer.problem], hostile.label);
        continue;
      }
      const { response, text } = answer;
      const result = actionResult(text);
      const problems: string[] = [];
      if (response.status() !== 200) problems.push(`status ${response.status()}: ${text.slice(0, 200)}`);
      if (!result) problems.push(`no result: ${text.slice(0, 200)}`);
      else if (result.ok !== false) problems.push("accepted");
      else problems.push(...judgeError(result.error, hostile.codes, hostile.inputs, hostile.fieldNames));
      note(counts, response.status(), problems, hostile.label);
    }
  }
  report("server actions", counts);
});

test("unknown and malformed action ids are refused with a 4xx", async ({ page, request, baseURL }) => {
  captured = await captureAction(page, "hostile");
  const origin = new URL(baseURL!).origin;
  const valid = encodeArgs(["order-sync", { name: `hostile-never-${Date.now()}`, description: "" }]);
  const counts: Counts = { tried: 0, clean: 0, serverErrors: 0 };
  for (const [label, actionId] of [["an unknown action id", "7f".repeat(21)], ["a malformed action id", "../../etc"]] as const) {
    const answer = await attempt(() => callAction(request, origin, actionId, valid));
    const status = answer.ok ? answer.response.status() : 500;
    note(counts, status, status >= 400 && status < 500 ? [] : [answer.ok ? `status ${status}` : answer.problem], label);
  }
  report("unknown action ids", counts);
});

test("broken action requests answer 4xx, not a crash", async ({ page, request, baseURL }) => {
  // Next would refuse these itself with a bare 500 before any action runs: the proxy answers first.
  captured = await captureAction(page, "hostile");
  const origin = new URL(baseURL!).origin;
  const createVersion = actionIds().createVersionAction!;
  const valid = encodeArgs(["order-sync", { name: `hostile-never-${Date.now()}`, description: "" }]);
  const cases: Array<[string, () => Promise<APIResponse>]> = [
    ["a non-JSON body", () => callAction(request, origin, createVersion, "{not json")],
    ["an empty body", () => callAction(request, origin, createVersion, "")],
    ["a body over the size limit", () => callAction(request, origin, createVersion, encodeArgs(["order-sync", { name: "x", description: "d".repeat(10_000_000) }]))],
    ["a foreign Origin", () => callAction(request, "http://evil.example", createVersion, valid)],
  ];
  const counts: Counts = { tried: 0, clean: 0, serverErrors: 0 };
  for (const [label, send] of cases) {
    const answer = await attempt(send);
    const status = answer.ok ? answer.response.status() : 500;
    note(counts, status, status >= 400 && status < 500 ? [] : [answer.ok ? `status ${status}: ${answer.text.slice(0, 160)}` : answer.problem], label);
  }
  report("requests Next refuses before an action runs", counts);
});

test("Recreate's action takes the largest valid files, whose text grows most in the request", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  captured = await captureAction(page, "hostile");
  const origin = new URL(baseURL!).origin;
  const actions = actionIds();
  // 1 MB of quotes doubles as JSON (\"); 1 MB of U+0001, which a file may hold, grows sixfold (\u0001).
  for (const [label, character] of [["quotes", '"'], ["control characters", "\u0001"]] as const) {
    const file = `hostile/${label.replace(" ", "-")}-${Date.now()}.txt`;
    const content = character.repeat(1024 * 1024);
    const created = await callAction(request, origin, actions.createFileAction!, encodeArgs(["order-sync", { path: file, content }]));
    expect(created.status(), label).toBe(200);
    expect(actionResult(await created.text()), label).toMatchObject({ ok: true });
    expect((await (await request.get(`${API}/files/content?path=${e(file)}`)).json()).content === content, label).toBe(true);
    const deleted = await callAction(request, origin, actions.deletePathAction!, encodeArgs(["order-sync", { path: file }]));
    expect(actionResult(await deleted.text()), label).toMatchObject({ ok: true });
  }
});
