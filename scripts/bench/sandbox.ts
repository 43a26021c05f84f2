// Running a workflow in the sandbox (QuickJS in WebAssembly, bundled by esbuild): cold start,
// warm runs, runs per second and the sandbox's cost over calling the same bundle in Node. It
// runs in a process of its own (sandbox-run.ts), so the cold start is a real one.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { log } from "./timing";

const run = promisify(execFile);

export async function benchSandbox(condition: "quiet" | "loaded") {
  log(`sandbox, ${condition}: cold start, warm runs, and the same bundles directly in Node…`);
  const script = path.join(import.meta.dirname, "sandbox-run.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", script], { maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as { sandbox: SandboxFigures }).sandbox;
}

interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export interface SandboxFigures {
  coldStart: { bundleMs: number; quickjsCompileMs: number; firstRunMs: number; totalMs: number };
  quickjsInstancePerRunMs: Summary;
  bundle: { cachedMs: number; uncachedWarmMs: number };
  warmSyncOrdersRunMs: Summary;
  warmSyncOrdersCpuMsPerRun: number;
  warmTrivialRunMs: Summary;
  warmTrivialCpuMsPerRun: number;
  trivialRunsPerSecond: number;
  directInNode: { syncOrdersRunMs: Summary; syncOrdersCpuMsPerRun: number; trivialRunMs: Summary; trivialCpuMsPerRun: number };
  sandboxOverhead: { syncOrdersMsPerRun: number; syncOrdersTimesDirect: number; trivialMsPerRun: number };
  memory: { quickjsHeapUsedBytes: number; rssGrowthOver50RunsBytes: number; bundleBytes: number };
}
