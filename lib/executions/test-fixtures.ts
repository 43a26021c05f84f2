import { bundleWorkflow, type BundledWorkflow } from "./bundle-workflow";

/** Bundles a one-file workflow whose `run` export is the entry, failing the test if it does not bundle. */
export async function bundleSource(source: string, files: Record<string, string> = {}): Promise<BundledWorkflow> {
  const map = new Map(Object.entries({ ...files, "workflows/main.ts": source }));
  const bundled = await bundleWorkflow(map, { path: "workflows/main.ts", exportName: "run" });
  if (!bundled.ok) throw new Error(bundled.error.message);
  return bundled.value;
}
