import { afterAll, describe, expect, it } from "vitest";
import { startFakeServer } from "./fake-shop-and-erp";
import { runInSandbox } from "./run-in-sandbox";
import { bundleSource } from "./test-fixtures";

const server = await startFakeServer((call) => {
  if (call.path === "/big") return { status: 200, body: "x".repeat(2 * 1024 * 1024) };
  if (call.path === "/away") return { status: 302, body: "", headers: { location: "http://evil.example/loot" } };
  if (call.path === "/hop") return { status: 303, body: "", headers: { location: "/echo" } };
  if (call.path === "/never") return undefined;
  return { status: 200, body: { method: call.method, path: call.path, body: call.body, header: call.headers["x-test"] } };
});

afterAll(() => server.close());

async function run(source: string, limits = {}) {
  return runInSandbox(await bundleSource(source), { allowedHosts: [server.host], env: { BASE: server.url }, limits });
}

describe("fetch in the sandbox", () => {
  it("sends method, headers and body to an allowed host and reads the answer", async () => {
    const result = await run(`export async function run(context: any) {
      const response = await fetch(new URL("/echo?a=1", context.env.BASE), { method: "post", headers: { "X-Test": "yes" }, body: JSON.stringify({ n: 1 }) });
      return { ok: response.ok, status: response.status, type: response.headers.get("Content-Type"), json: await response.json() };
    }`);
    expect(result).toMatchObject({
      status: "succeeded",
      output: { ok: true, status: 200, type: "application/json", json: { method: "POST", path: "/echo?a=1", body: { n: 1 }, header: "yes" } },
    });
  });

  it("follows a redirect within the allowed hosts and refuses one leaving them", async () => {
    const result = await run(`export async function run(context: any) {
      const hop = await fetch(context.env.BASE + "/hop", { method: "POST", body: "x" });
      const followed = { redirected: hop.redirected, url: hop.url, method: (await hop.json()).method };
      try { await fetch(context.env.BASE + "/away"); } catch (error) { return { followed, refused: String(error) }; }
    }`);
    expect(result).toMatchObject({
      status: "succeeded",
      output: {
        followed: { redirected: true, url: `${server.url}/echo`, method: "GET" },
        refused: `TypeError: Requests to evil.example are not allowed from this workflow: it may call only ${server.host}`,
      },
    });
  });

  it("refuses a response larger than the cap", async () => {
    const result = await run(`export async function run(context: any) { return (await fetch(context.env.BASE + "/big")).text(); }`, {
      responseBytes: 1024 * 1024,
    });
    expect(result).toMatchObject({
      status: "failed",
      error: { name: "TypeError", message: `The response from ${server.host} is larger than the 1 MB a workflow may read` },
    });
  });

  it("refuses schemes other than http and https", async () => {
    const result = await run(`export async function run() { await fetch("file:///etc/passwd"); }`);
    expect(result).toMatchObject({ status: "failed", error: { message: "Only http and https requests are allowed, not file" } });
  });

  it("aborts a request through AbortSignal.timeout", async () => {
    const result = await run(`export async function run(context: any) {
      try { await fetch(context.env.BASE + "/never", { signal: AbortSignal.timeout(20) }); } catch (error: any) { return error.name + ": " + error.message; }
    }`);
    expect(result).toMatchObject({ status: "succeeded", output: "TimeoutError: The operation timed out after 20 ms" });
  });

  it("times out a run waiting on a host that never answers", async () => {
    const result = await run(`export async function run(context: any) { await fetch(context.env.BASE + "/never"); }`, { timeMs: 300 });
    expect(result).toMatchObject({ status: "timed_out", error: { message: "The workflow ran longer than its time limit of 300 ms" } });
    // The run's end aborted the request it was waiting on, so the connection closes unanswered.
    await server.calls.at(-1)?.closed;
  });
});
