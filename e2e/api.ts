import { expect, type APIRequestContext } from "@playwright/test";
import type { VersionJson, VersionPageJson } from "@/lib/versions/version-json";
import { SAMPLE_PROJECT } from "./pages/workspace";

/** The sample project's JSON routes: what the server holds, read the way the app reads it. */
export const API = `/api/projects/${SAMPLE_PROJECT}`;

async function read<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${API}${path}`);
  expect(response.ok(), `GET ${path}`).toBe(true);
  return (await response.json()) as T;
}

/** One draft file as stored on the server. */
export function draftFile(request: APIRequestContext, path: string): Promise<{ content: string; revision: number }> {
  return read(request, `/files/content?path=${encodeURIComponent(path)}`);
}

/** Every version name of the project, newest first. */
export async function versionNames(request: APIRequestContext): Promise<string[]> {
  return (await read<{ versions: Array<{ name: string }> }>(request, "/versions/names")).versions.map(({ name }) => name);
}

export async function versionCount(request: APIRequestContext): Promise<number> {
  return (await read<VersionPageJson>(request, "/versions?limit=1")).total;
}

/** The version with exactly this name; fails the test when there is none. */
export async function versionNamed(request: APIRequestContext, name: string): Promise<VersionJson> {
  const { items } = await read<VersionPageJson>(request, `/versions?search=${encodeURIComponent(name)}`);
  const version = items.find((item) => item.name === name);
  if (!version) throw new Error(`No version named ${name}`);
  return version;
}

/** One file of a version, as the version holds it. */
export async function versionFileContent(request: APIRequestContext, versionId: string, path: string): Promise<string> {
  return (await read<{ content: string }>(request, `/versions/${versionId}/files?path=${encodeURIComponent(path)}`)).content;
}

/** Everything a refused or hostile request could disturb in a project, read through the app's JSON routes. */
export async function projectSnapshot(request: APIRequestContext, api = API) {
  const read = async (route: string) => {
    const response = await request.get(`${api}${route}`);
    expect(response.ok(), route).toBe(true);
    return response.json();
  };
  const files = (await read("/files")) as Array<{ path: string }>;
  const environments = (await read("/environments")) as Array<{ id: string }>;
  return withoutRunHealth({
    files,
    contents: await Promise.all(files.map(({ path: file }) => read(`/files/content?path=${encodeURIComponent(file)}`))),
    versions: await read("/versions?limit=200"),
    environments,
    histories: await Promise.all(environments.map(({ id }) => read(`/environments/${id}/history?limit=200`))),
    settings: await Promise.all(environments.map(({ id }) => read(`/environments/${id}/settings`))),
    members: await read("/members"),
    requests: await read("/deployment-requests"),
  });
}

/** What runs tell of versions (success rates, the last healthy one): the sample's schedules keep running beside a spec, so they are not the spec's doing. */
const RUN_HEALTH = new Set(["health", "activeHealth", "healthyTarget"]);

export function withoutRunHealth<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutRunHealth) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !RUN_HEALTH.has(key)).map(([key, inner]) => [key, withoutRunHealth(inner)])) as T;
}
