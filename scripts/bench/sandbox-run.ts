// `npx tsx scripts/bench/sandbox-run.ts`: what running a workflow in the sandbox costs, printed as
// JSON (`npm run bench` runs it as a child process, see sandbox.ts). Run it in a fresh process:
// the first bundle and run are the cold start (esbuild's service starting, QuickJS's WebAssembly
// compiled); the rest are warm. The workflow is the sample project's syncOrders against a fake
// shop and ERP on 127.0.0.1 (three orders, nine requests); the same bundles also run directly in
// Node, without the sandbox, to show what the sandbox adds.
import { bundleWorkflow, WORKFLOW_GLOBAL, type BundledWorkflow } from "@/lib/executions/bundle-workflow";
import { startFakeServer } from "@/lib/executions/fake-shop-and-erp";
import { toFileMap } from "@/lib/executions/file-map";
import { runInSandbox, type SandboxRunOptions } from "@/lib/executions/run-in-sandbox";
import { newSandboxModule } from "@/lib/executions/sandbox-module";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { cpuMs, median, round, summarize, timed } from "./timing";

const WARM_RUNS = 50;
const address = { first_name: "A", last_name: "B", company: null, address1: "Street 1", address2: null, zip: "1", city: "C", country_code: "de", phone: null };
const orders = [1, 2, 3].map((id) => ({
  id,
  name: `#${id}`,
  created_at: "2026-03-09T10:15:00Z",
  updated_at: "2026-03-09T10:16:30Z",
  currency: "EUR",
  payment_gateway: "paypal",
  shipping_method: "standard",
  shipping_price: "4.90",
  total_discounts: "0.00",
  customer: { id, email: "a@example.com", first_name: "A", last_name: "B", default_address: address },
  shipping_address: address,
  line_items: [{ sku: "MUG", title: "Mug", quantity: 1, price: "9.90", tax_rate: 0.19 }],
}));

const shop = await startFakeServer(() => ({ status: 200, body: { orders } }));
const erp = await startFakeServer(() => ({ status: 201, body: {} }));
const files = toFileMap(SAMPLE_PROJECT.files);
const entry = { path: "workflows/order-sync.ts", exportName: "syncOrders" };
const options: SandboxRunOptions = {
  env: { SHOP_API_URL: shop.url, SHOP_API_TOKEN: "t", ERP_API_URL: erp.url, ERP_API_TOKEN: "t" },
  retries: { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 },
  allowedHosts: [shop.host, erp.host],
};

const coldBundle = await timed(() => bundleWorkflow(files, entry));
if (!coldBundle.value.ok) throw new Error(coldBundle.value.error.message);
const workflow = coldBundle.value.value;
const coldModule = await timed(() => newSandboxModule());
const coldRun = await timed(() => runInSandbox(workflow, options));
if (coldRun.value.status !== "succeeded") throw new Error(JSON.stringify(coldRun.value.error));

const cachedBundle = await timed(() => bundleWorkflow(files, entry));
const changedFiles = new Map([...files, ["README.md", "changed"]]);
const uncachedBundle = await timed(() => bundleWorkflow(changedFiles, entry));

const rssBefore = process.memoryUsage().rss;
const cpuBefore = cpuMs();
const warm: number[] = [];
let memoryUsedBytes = 0;
for (let run = 0; run < WARM_RUNS; run++) {
  const { ms, value } = await timed(() => runInSandbox(workflow, options));
  if (value.status !== "succeeded") throw new Error(JSON.stringify(value.error));
  warm.push(ms);
  memoryUsedBytes = value.memoryUsedBytes ?? 0;
}
// CPU barely moves when other programs compete for the cores, unlike wall time; it includes the
// fake servers, which run in this process.
const warmCpuMsPerRun = (cpuMs() - cpuBefore) / WARM_RUNS;
globalThis.gc?.();
const rssAfter = process.memoryUsage().rss;

const trivial = await bundleWorkflow(new Map([["w.ts", "export const run = () => 1;"]]), { path: "w.ts", exportName: "run" });
if (!trivial.ok) throw new Error(trivial.error.message);
const trivialRuns: number[] = [];
const trivialCpuBefore = cpuMs();
for (let run = 0; run < WARM_RUNS; run++) trivialRuns.push((await timed(() => runInSandbox(trivial.value, {}))).ms);
const trivialCpuMsPerRun = (cpuMs() - trivialCpuBefore) / WARM_RUNS;

/**
 * The same bundle called straight in this process, with Node's own fetch and a context of the
 * shape the sandbox's prelude hands over: no isolation, no limits, no bridge.
 */
async function runDirectly(bundled: BundledWorkflow, env: Record<string, string>) {
  const workflow = new Function(`${bundled.code}\nreturn ${WORKFLOW_GLOBAL};`)() as { default: (context: unknown, input: unknown) => unknown };
  const state = new Map<string, string>();
  const context = {
    env,
    retries: options.retries,
    input: null,
    state: { get: async (key: string) => state.get(key), set: async (key: string, value: string) => void state.set(key, value) },
    log: () => {},
  };
  return JSON.stringify(await workflow.default(context, null));
}

async function directRuns(bundled: BundledWorkflow, env: Record<string, string>) {
  await runDirectly(bundled, env);
  const samples: number[] = [];
  const cpuBefore = cpuMs();
  for (let run = 0; run < WARM_RUNS; run++) samples.push((await timed(() => runDirectly(bundled, env))).ms);
  return { ms: summarize(samples), cpuMsPerRun: round((cpuMs() - cpuBefore) / WARM_RUNS, 2) };
}

// The workflow logs through console: quiet it for the direct runs, as the sandbox captures it.
const quieted = ["log", "info", "debug", "warn"] as const;
const originals = quieted.map((method) => console[method]);
for (const method of quieted) console[method] = () => {};
const directSyncOrders = await directRuns(workflow, options.env ?? {});
const directTrivial = await directRuns(trivial.value, {});
quieted.forEach((method, index) => (console[method] = originals[index]!));

const instances: number[] = [];
for (let run = 0; run < WARM_RUNS; run++) instances.push((await timed(() => newSandboxModule())).ms);

await Promise.all([shop.close(), erp.close()]);
console.log(
  JSON.stringify(
    {
      sandbox: {
        coldStart: {
          bundleMs: round(coldBundle.ms),
          quickjsCompileMs: round(coldModule.ms),
          firstRunMs: round(coldRun.ms),
          totalMs: round(coldBundle.ms + coldModule.ms + coldRun.ms),
        },
        quickjsInstancePerRunMs: summarize(instances),
        bundle: { cachedMs: round(cachedBundle.ms, 2), uncachedWarmMs: round(uncachedBundle.ms) },
        warmSyncOrdersRunMs: summarize(warm),
        warmSyncOrdersCpuMsPerRun: round(warmCpuMsPerRun),
        warmTrivialRunMs: summarize(trivialRuns),
        warmTrivialCpuMsPerRun: round(trivialCpuMsPerRun),
        trivialRunsPerSecond: round(1000 / median(trivialRuns)),
        directInNode: {
          syncOrdersRunMs: directSyncOrders.ms,
          syncOrdersCpuMsPerRun: directSyncOrders.cpuMsPerRun,
          trivialRunMs: directTrivial.ms,
          trivialCpuMsPerRun: directTrivial.cpuMsPerRun,
        },
        sandboxOverhead: {
          syncOrdersMsPerRun: round(median(warm) - directSyncOrders.ms.p50, 2),
          syncOrdersTimesDirect: round(median(warm) / directSyncOrders.ms.p50, 1),
          trivialMsPerRun: round(median(trivialRuns) - directTrivial.ms.p50, 2),
        },
        memory: {
          quickjsHeapUsedBytes: memoryUsedBytes,
          rssGrowthOver50RunsBytes: rssAfter - rssBefore,
          bundleBytes: workflow.code.length,
        },
      },
    },
    null,
    2,
  ),
);
