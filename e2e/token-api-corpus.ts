import { randomUUID } from "node:crypto";
import { SAMPLE_PROJECT } from "./pages/workspace";

/** A hostile call of the token API, in the shape hostile-requests.spec.ts sends and judges. */
export interface TokenRouteCase {
  label: string;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  body?: string;
  status: number[];
  codes: string[];
  inputs?: string[];
  headers: Record<string, string>;
  fields?: string[];
}

const V1 = `/api/v1/projects/${SAMPLE_PROJECT}`;
const UNKNOWN_ID = randomUUID();
const MALFORMED_IDS = ["not-an-id", "\u0000", "\ud800", "9".repeat(1000)];
const BAD_SLUGS = ["no-such-project", "UPPER", "a\u0000b", "\ud800", "s".repeat(1000)];
const e = (text: string) => text.split("\ud800").map(encodeURIComponent).join("%ED%A0%80");
const NOT_FOUND = { status: [404], codes: ["not_found"] };
const BAD = { status: [400], codes: ["invalid"] };
const BAD_OR_MISSING = { status: [400, 404], codes: ["invalid", "not_found"] };
const inPath = (segment: string) => (segment.includes("\ud800") ? BAD : NOT_FOUND);

/**
 * The token API's routes (app/api/v1) under attack, with a valid token of the demo admin: unknown
 * and impossible projects and ids, missing or broken bodies and queries, stale or missing
 * If-Match, and calls without a token. Every refusal is a 4xx in the one error body.
 */
export function tokenApiCorpus(ids: { versionId: string; development: string; staging: string }, token: string): Record<string, TokenRouteCase[]> {
  const headers = { authorization: `Bearer ${token}` };
  const get = (label: string, url: string, expected: { status: number[]; codes: string[] }, more: Partial<TokenRouteCase> = {}): TokenRouteCase => ({
    label,
    url,
    headers,
    ...expected,
    ...more,
  });
  const post = (label: string, url: string, body: unknown, expected: { status: number[]; codes: string[] }, fields: string[] = [], method: TokenRouteCase["method"] = "POST"): TokenRouteCase => ({
    label,
    method,
    url,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers,
    fields,
    ...expected,
    inputs: typeof body === "string" ? [body] : [],
  });
  const unknownProjects = (rest: string): TokenRouteCase[] =>
    BAD_SLUGS.map((slug) => get(`v1 ${rest} of project ${JSON.stringify(slug.slice(0, 12))}`, `/api/v1/projects/${e(slug)}${rest}`, inPath(slug), { inputs: [slug] }));
  const badIds = (label: string, url: (id: string) => string, method: TokenRouteCase["method"] = "GET", body?: unknown): TokenRouteCase[] =>
    [UNKNOWN_ID, ...MALFORMED_IDS].map((id) => ({
      label: `v1 ${label} ${JSON.stringify(id.slice(0, 12))}`,
      method,
      url: url(e(id)),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      ...inPath(id),
      inputs: [id],
    }));
  const env = `${V1}/environments/${ids.staging}`;

  return {
    "app/api/v1/openapi.json/route.ts": [],
    "app/api/v1/projects/route.ts": [
      { label: "v1 projects without a token", url: "/api/v1/projects", headers: {}, status: [401], codes: ["unauthenticated"] },
      { label: "v1 projects with a made-up token", url: "/api/v1/projects", headers: { authorization: "Bearer dl_made-up" }, status: [401], codes: ["unauthenticated"] },
      { label: "v1 projects with a huge token", url: "/api/v1/projects", headers: { authorization: `Bearer dl_${"x".repeat(5000)}` }, status: [401, 431], codes: ["unauthenticated"] },
    ],
    "app/api/v1/projects/[slug]/files/route.ts": [
      ...unknownProjects("/files"),
      post("v1 create file at ..", `${V1}/files`, { path: "../x" }, BAD, ["path"]),
      post("v1 create file without a body", `${V1}/files`, "", BAD, ["path"]),
      post("v1 create file with content a number", `${V1}/files`, { path: "n.ts", content: 5 }, BAD, ["content"]),
    ],
    "app/api/v1/projects/[slug]/files/content/route.ts": [
      ...unknownProjects("/files/content?path=README.md"),
      ...[undefined, "", "..", "a\u0000b", "x".repeat(5000), "no/such/file.md"].map((file) =>
        get(`v1 read file ${JSON.stringify((file ?? "absent").slice(0, 12))}`, file === undefined ? `${V1}/files/content` : `${V1}/files/content?path=${e(file)}`, BAD_OR_MISSING, {
          fields: ["path"],
          inputs: file ? [file] : [],
        }),
      ),
      post("v1 write without If-Match", `${V1}/files/content?path=README.md`, { content: "x" }, { status: [428], codes: ["precondition_required"] }, [], "PUT"),
      { ...post("v1 write with a stale If-Match", `${V1}/files/content?path=README.md`, { content: "x" }, { status: [412], codes: ["precondition_failed"] }, ["revision"], "PUT"), headers: { ...headers, "if-match": '"2147483647"' } },
      { ...post("v1 write with If-Match *", `${V1}/files/content?path=README.md`, { content: "x" }, { status: [412], codes: ["precondition_failed"] }, [], "PUT"), headers: { ...headers, "if-match": "*" } },
      post("v1 delete without a path", `${V1}/files/content`, "", BAD, ["path"], "DELETE"),
    ],
    "app/api/v1/projects/[slug]/files/rename/route.ts": [post("v1 rename without paths", `${V1}/files/rename`, {}, BAD, ["from", "to"]), post("v1 rename to ..", `${V1}/files/rename`, { from: "README.md", to: "../x" }, BAD_OR_MISSING, ["from", "to"])],
    "app/api/v1/projects/[slug]/versions/route.ts": [
      ...unknownProjects("/versions"),
      ...["-1", "abc", "9".repeat(400)].map((value) => get(`v1 versions before=${value.slice(0, 12)}`, `${V1}/versions?before=${value}`, BAD, { fields: ["before"], inputs: [value] })),
      get("v1 versions search of 1,000 characters", `${V1}/versions?search=${"s".repeat(1000)}`, BAD, { fields: ["search"], inputs: ["s".repeat(1000)] }),
      post("v1 create a version without a name", `${V1}/versions`, { name: " " }, BAD, ["name"]),
      post("v1 create a version named with 5,000 characters", `${V1}/versions`, { name: "v".repeat(5000) }, BAD, ["name"]),
      post("v1 create a version from broken JSON", `${V1}/versions`, "{name:", BAD),
    ],
    "app/api/v1/projects/[slug]/versions/[versionId]/route.ts": badIds("show version", (id) => `${V1}/versions/${id}`),
    "app/api/v1/projects/[slug]/versions/[versionId]/files/route.ts": [
      ...badIds("version file of", (id) => `${V1}/versions/${id}/files?path=README.md`),
      get("v1 version file without a path", `${V1}/versions/${ids.versionId}/files`, BAD, { fields: ["path"] }),
    ],
    "app/api/v1/projects/[slug]/versions/[versionId]/restore/route.ts": [
      ...badIds("restore version", (id) => `${V1}/versions/${id}/restore`, "POST", { saveBackup: true }),
      post("v1 restore with saveBackup text", `${V1}/versions/${ids.versionId}/restore`, { saveBackup: "yes" }, BAD, ["saveBackup"]),
    ],
    "app/api/v1/projects/[slug]/diff/route.ts": [
      ...unknownProjects("/diff?from=draft&to=draft"),
      get("v1 diff without sides", `${V1}/diff`, BAD, { fields: ["from", "to"] }),
      get("v1 diff with an unknown version", `${V1}/diff?from=draft&to=${UNKNOWN_ID}`, NOT_FOUND),
    ],
    "app/api/v1/projects/[slug]/environments/route.ts": unknownProjects("/environments"),
    "app/api/v1/projects/[slug]/environments/[environmentId]/history/route.ts": [
      ...badIds("history of", (id) => `${V1}/environments/${id}/history`),
      get("v1 history limit=0", `${env}/history?limit=0`, BAD, { fields: ["limit"] }),
    ],
    "app/api/v1/projects/[slug]/environments/[environmentId]/settings/route.ts": [
      ...badIds("settings of", (id) => `${V1}/environments/${id}/settings`),
      post("v1 add a setting without a key", `${env}/settings`, { value: "x" }, BAD, ["key", "value"]),
      post("v1 add a setting with a 5,000-character key", `${env}/settings`, { key: "K".repeat(5000), value: "x" }, BAD, ["key"]),
      post("v1 delete a setting without a key", `${env}/settings`, "", BAD, ["key"], "DELETE"),
    ],
    "app/api/v1/projects/[slug]/environments/[environmentId]/deployments/route.ts": [
      ...badIds("deploy to", (id) => `${V1}/environments/${id}/deployments`, "POST", { versionId: ids.versionId }),
      post("v1 deploy nothing", `${env}/deployments`, {}, BAD, ["versionId"]),
      post("v1 deploy a version and the draft", `${env}/deployments`, { versionId: ids.versionId, latestDraft: { name: "x" } }, BAD, ["versionId"]),
      post("v1 deploy an unknown version", `${env}/deployments`, { versionId: UNKNOWN_ID }, NOT_FOUND),
      post("v1 deploy a malformed version id", `${env}/deployments`, { versionId: "9".repeat(1000) }, BAD, ["versionId"]),
    ],
    "app/api/v1/projects/[slug]/environments/[environmentId]/promote/route.ts": [
      post("v1 promote without a source", `${env}/promote`, {}, BAD, ["fromEnvironmentId", "expectedVersionId"]),
      post("v1 promote from an unknown environment", `${env}/promote`, { fromEnvironmentId: UNKNOWN_ID, expectedVersionId: ids.versionId }, { status: [404, 409], codes: ["not_found", "conflict"] }),
    ],
    "app/api/v1/projects/[slug]/environments/[environmentId]/rollback/route.ts": [
      post("v1 roll back without an expectation", `${env}/rollback`, {}, BAD, ["expectedVersionId"]),
      post("v1 roll back to an unknown version", `${env}/rollback`, { expectedVersionId: UNKNOWN_ID }, { status: [404, 409], codes: ["not_found", "conflict"] }),
    ],
    "app/api/v1/projects/[slug]/environments/[environmentId]/rollback-to-last-healthy/route.ts": [
      post("v1 roll back to last healthy without an expectation", `${env}/rollback-to-last-healthy`, {}, BAD, ["expectedVersionId"]),
      post(
        "v1 roll back to last healthy, expecting an unknown version",
        `${env}/rollback-to-last-healthy`,
        { expectedVersionId: UNKNOWN_ID },
        { status: [404, 409], codes: ["not_found", "conflict"] },
      ),
      post("v1 roll back to last healthy with a restore that is no boolean", `${env}/rollback-to-last-healthy`, { expectedVersionId: ids.versionId, restoreSettings: "yes" }, BAD, ["restoreSettings"]),
    ],
    "app/api/v1/projects/[slug]/requests/route.ts": unknownProjects("/requests"),
    "app/api/v1/projects/[slug]/requests/[requestId]/approve/route.ts": badIds("approve request", (id) => `${V1}/requests/${id}/approve`, "POST", {}),
    "app/api/v1/projects/[slug]/requests/[requestId]/reject/route.ts": badIds("reject request", (id) => `${V1}/requests/${id}/reject`, "POST", {}),
    "app/api/v1/projects/[slug]/activity/export/route.ts": [
      ...unknownProjects("/activity/export?format=csv"),
      get("v1 activity export as xlsx", `${V1}/activity/export?format=xlsx`, BAD, { fields: ["format"] }),
      get("v1 activity export from a bad day", `${V1}/activity/export?format=csv&from=2026-02-30`, BAD),
    ],
  };
}
