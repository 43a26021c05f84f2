import { DEBUG_SYNC, newQuickJSWASMModule } from "quickjs-emscripten";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeServer } from "./fake-shop-and-erp";
import { runInSandbox } from "./run-in-sandbox";
import { bundleSource } from "./test-fixtures";

const server = await startFakeServer((call) => (call.path === "/never" ? undefined : { status: 200, body: { path: call.path } }));
afterAll(() => server.close());

// QuickJS's debug build aborts when a runtime is freed with objects still referenced, and a run
// given the caller's module reports that instead of dropping the instance.
describe("handles", () => {
  it.each([
    ["succeeds", `export async function run(context: any) {
      console.log("start"); context.log("fields", { a: 1 });
      await context.state.set("k", "v");
      await new Promise((resolve) => setTimeout(resolve, 1));
      setTimeout(() => {}, 60_000);
      fetch(context.env.BASE + "/never").catch(() => {});
      const answer = await (await fetch(new URL("/ok", context.env.BASE))).json();
      return { answer, k: await context.state.get("k") };
    }`, "succeeded", 20_000],
    ["fails", `export async function run(context: any) {
      const controller = new AbortController();
      const pending = fetch(context.env.BASE + "/never", { signal: controller.signal });
      controller.abort();
      await pending.catch(() => {});
      throw new Error("broken");
    }`, "failed", 20_000],
    ["times out", `export async function run(context: any) { await fetch(context.env.BASE + "/never"); }`, "timed_out", 3000],
  ])("frees everything when a run %s", async (_name, source, status, timeMs) => {
    const debugBuild = await newQuickJSWASMModule(DEBUG_SYNC);
    const result = await runInSandbox(await bundleSource(source), {
      module: debugBuild,
      env: { BASE: server.url },
      allowedHosts: [server.host],
      limits: { timeMs },
    });
    expect(result.status).toBe(status);
  });
});
