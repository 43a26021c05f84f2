import { describe, expect, it } from "vitest";
import { runInSandbox } from "./run-in-sandbox";
import { bundleSource } from "./test-fixtures";

async function run(source: string, options: Parameters<typeof runInSandbox>[1] = {}) {
  return runInSandbox(await bundleSource(source), options);
}

const hostGlobals = Object.getOwnPropertyNames(globalThis).sort();

describe("runInSandbox", () => {
  it("returns the entry's value, its logs and its state", async () => {
    const result = await run(
      `export async function run(context: any, input: { n: number }) {
        console.log("starting", { n: input.n });
        context.log("counted", { total: input.n * 2 });
        await context.state.set("cursor", String(input.n));
        return { doubled: input.n * 2, env: context.env.NAME, previous: await context.state.get("old"), missing: await context.state.get("none") };
      }`,
      { input: { n: 21 }, env: { NAME: "dev" }, state: { old: "x" } },
    );
    expect(result).toMatchObject({
      status: "succeeded",
      output: { doubled: 42, env: "dev", previous: "x" },
      state: { old: "x", cursor: "21" },
    });
    expect(result.logs.map(({ level, message, fields }) => ({ level, message, fields }))).toEqual([
      { level: "info", message: 'starting {"n":21}', fields: undefined },
      { level: "info", message: "counted", fields: { total: 42 } },
    ]);
    expect(result.memoryUsedBytes).toBeGreaterThan(0);
  });

  it("offers btoa, atob and crypto.randomUUID", async () => {
    const result = await run(`export function run() {
      const basic = btoa("user:pässword");
      return { basic, back: atob(basic), uuid: /^[0-9a-f-]{36}$/.test(crypto.randomUUID()), wide: (() => { try { return btoa("€"); } catch (error: any) { return error.message; } })() };
    }`);
    expect(result).toMatchObject({
      status: "succeeded",
      output: { basic: Buffer.from("user:pässword", "latin1").toString("base64"), back: "user:pässword", uuid: true, wide: "btoa takes Latin-1 text only: encode other characters to bytes first" },
    });
  });

  it("keeps runs apart, even beside one that loops until its deadline", async () => {
    const [looping, ...others] = await Promise.all([
      run(`export function run() { while (true) {} }`, { limits: { timeMs: 300 } }),
      ...["a", "b", "c"].map((name) =>
        run(`export async function run(context: any) { (globalThis as any).seen = context.env.NAME; await new Promise((r) => setTimeout(r, 10)); return (globalThis as any).seen; }`, {
          env: { NAME: name },
        }),
      ),
    ]);
    expect(looping?.status).toBe("timed_out");
    expect(others.map((result) => result.output)).toEqual(["a", "b", "c"]);
  });

  it("runs timers within the run", async () => {
    const result = await run(`export async function run() {
      const order: string[] = [];
      setTimeout(() => order.push("late"), 5000);
      const cancelled = setTimeout(() => order.push("cancelled"), 1);
      clearTimeout(cancelled);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push("after 5 ms");
      return order;
    }`);
    expect(result).toMatchObject({ status: "succeeded", output: ["after 5 ms"] });
  });

  it("stops an endless loop at the time limit", async () => {
    const result = await run(`export function run() { while (true) {} }`, { limits: { timeMs: 200 } });
    expect(result.status).toBe("timed_out");
    expect(result.error?.message).toBe("The workflow ran longer than its time limit of 200 ms");
  });

  it.each([
    ["an endless chain of awaits", "for (;;) await null;"],
    ["catastrophic regular expression backtracking", 'return /^(a+)+$/.test("a".repeat(40) + "b");'],
  ])("stops %s at the time limit", async (_name, body) => {
    const result = await run(`export async function run() { ${body} }`, { limits: { timeMs: 200 } });
    expect(result).toMatchObject({ status: "timed_out", error: { message: "The workflow ran longer than its time limit of 200 ms" } });
  });

  it("refuses timers beyond the pending cap", async () => {
    const result = await run(`export function run() { for (let i = 0; ; i++) setTimeout(() => {}, 60_000); }`, { limits: { pendingTimers: 100 } });
    expect(result).toMatchObject({ status: "failed", error: { message: "A workflow may have at most 100 timers pending" } });
  });

  it("stops a promise that never settles at the time limit", async () => {
    const result = await run(`export function run() { return new Promise(() => {}); }`, { limits: { timeMs: 200 } });
    expect(result).toMatchObject({ status: "timed_out", error: { message: "The workflow ran longer than its time limit of 200 ms" } });
  });

  it.each([
    ["a huge array", "new Array(1e9).fill(1)"],
    ["a string doubling", 'let text = "x"; while (true) text = text.repeat(2)'],
  ])("fails %s at the memory limit", async (_name, code) => {
    const result = await run(`export function run() { ${code}; }`);
    expect(result.status).toBe("failed");
    expect(result.error?.message).toBe("The workflow ran out of memory: it may use at most 64 MB");
  });

  it("fails endless recursion at the stack limit", async () => {
    const result = await run(`export function run() { const down = (n: number): number => down(n + 1) + 1; return down(0); }`);
    expect(result.status).toBe("failed");
    expect(result.error?.message).toMatch(/^The workflow ran out of stack/);
  });

  it("keeps the stack within what the host's own stack can hold, even when asked for more", async () => {
    const result = await run(
      `export function run() {
        const down = (n: number): number => { try { return down(n + 1) + 1; } catch (error) { console.log("unwinding", n); throw error; } };
        return down(0);
      }`,
      { limits: { stackBytes: 64 * 1024 * 1024 } },
    );
    expect(result).toMatchObject({ status: "failed", error: { name: "InternalError", message: "The workflow ran out of stack (256 KB): is a function calling itself without end?" } });
    expect(result.logs.length).toBeGreaterThan(1000);
    expect(await run(`export function run() { return "still fine"; }`)).toMatchObject({ status: "succeeded", output: "still fine" });
  });

  it.each([
    ["process", "process.exit(1)", "ReferenceError", "'process' is not defined"],
    // The bundle's own shim answers for the missing require.
    ["require", '(() => { const load = require; return load("node:fs"); })()', "Error", 'Dynamic require of "node:fs" is not supported'],
  ])("has no %s", async (_name, code, name, message) => {
    const result = await run(`export function run() { return ${code}; }`);
    expect(result).toMatchObject({ status: "failed", error: { name, message } });
    expect(result.error?.stack).toContain("at run");
  });

  it("refuses requests to hosts that are not allowed, naming the host", async () => {
    const result = await run(`export async function run() { return (await globalThis.fetch("https://evil.example/steal")).status; }`, {
      allowedHosts: ["erp.example.com"],
    });
    expect(result).toMatchObject({
      status: "failed",
      error: { name: "TypeError", message: "Requests to evil.example are not allowed from this workflow: it may call only erp.example.com" },
    });
  });

  it.each([
    ["throw 42", "The workflow threw 42 instead of an Error"],
    ["throw { a: 1 }", 'The workflow threw {"a":1} instead of an Error'],
    ["throw null", "The workflow threw null instead of an Error"],
    ["throw undefined", "The workflow threw undefined instead of an Error"],
  ])("reports `%s` as a failure", async (statement, message) => {
    const result = await run(`export async function run() { ${statement}; }`);
    expect(result).toEqual(expect.objectContaining({ status: "failed", error: { message } }));
  });

  it("keeps the stack of a thrown Error, pointing at the version's files", async () => {
    const workflow = await bundleSource(
      `import { check } from "../lib/check";\nexport function run() {\n  return check(-1);\n}`,
      { "lib/check.ts": `export function check(n: number): number {\n  if (n < 0) {\n    throw new RangeError("out of range");\n  }\n  return n;\n}` },
    );
    const result = await runInSandbox(workflow);
    expect(result).toMatchObject({ status: "failed", error: { name: "RangeError", message: "out of range" } });
    expect(result.error?.stack).toBe("    at check (lib/check.ts:3:15)\n    at run (workflows/main.ts:3:3)\n");
  });

  it("keeps 1 MB of logs, then says they were truncated", async () => {
    const result = await run(`export function run() { for (let i = 0; i < 20000; i++) console.log("x".repeat(100), i); return "done"; }`);
    expect(result.status).toBe("succeeded");
    const last = result.logs.at(-1);
    expect(last).toMatchObject({ level: "warn", message: "Logs truncated: this run wrote more than 1 MB of logs, the rest was dropped" });
    expect(result.logs.filter((line) => line.message.startsWith("Logs truncated"))).toHaveLength(1);
    expect(result.logs.length).toBeLessThan(20000);
    expect(result.logs.reduce((sum, line) => sum + line.message.length, 0)).toBeLessThanOrEqual(1024 * 1024 + 200);
  });

  it("fails a return value that is not JSON", async () => {
    const result = await run(`export function run() { return { big: 10n }; }`);
    expect(result).toMatchObject({ status: "failed", error: { message: expect.stringMatching(/^The workflow's return value cannot be written as JSON/) } });
  });

  it("fails a return value larger than the cap", async () => {
    const result = await run(`export function run() { return "x".repeat(2000); }`, { limits: { outputBytes: 1000 } });
    expect(result).toMatchObject({ status: "failed", error: { message: "The workflow's return value is larger than 1 KB as JSON" } });
  });

  it("refuses state beyond its cap and keeps what was set before", async () => {
    const result = await run(
      `export async function run(context: any) {
        await context.state.set("small", "x".repeat(100));
        await context.state.set("small", "y".repeat(100));
        await context.state.set("big", "x".repeat(2000));
      }`,
      { limits: { stateBytes: 1024 }, state: { old: "1" } },
    );
    expect(result).toMatchObject({
      status: "failed",
      error: { message: 'context.state may hold at most 1 KB; "big" does not fit' },
      state: { old: "1", small: "y".repeat(100) },
    });
  });

  it("fails on an error thrown by a timer callback", async () => {
    const result = await run(`export function run() {
      setTimeout(() => { throw new Error("timer broke"); }, 1);
      return new Promise((resolve) => setTimeout(resolve, 1000));
    }`);
    expect(result).toMatchObject({ status: "failed", error: { message: "timer broke" } });
  });

  it("fails a run whose entry export is not a function", async () => {
    const result = await run(`export const run = 42;`);
    expect(result).toMatchObject({ status: "failed", error: { name: "TypeError", message: "The workflow's entry is not a function" } });
  });

  it("still runs normally after all of the above", async () => {
    const result = await run(`export function run(context: any) { return context.env.A + "!"; }`, { env: { A: "ok" } });
    expect(result).toMatchObject({ status: "succeeded", output: "ok!" });
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(hostGlobals);
  });
});
