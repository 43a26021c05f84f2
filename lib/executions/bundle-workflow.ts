import { createHash } from "node:crypto";
import { build, type Message } from "esbuild";
import { fail, ok, type Result } from "@/lib/result";
import { BoundedCache } from "./bounded-cache";
import type { FileMap } from "./file-map";
import type { WorkflowEntry } from "./integration-config";
import type { WorkflowSourceMap } from "./source-map-lines";
import { VERSION_NAMESPACE, versionFilesPlugin } from "./version-files-plugin";

/** A workflow bundled into one script that leaves its entry function in this global. */
export interface BundledWorkflow {
  entry: WorkflowEntry;
  code: string;
  /** Leads stack frames in the bundle back to the version's files. */
  sourceMap: WorkflowSourceMap;
}

export const WORKFLOW_GLOBAL = "__draftlineWorkflow";
/** The name the bundle runs under, which its stack frames show until mapped. */
export const BUNDLE_NAME = "draftline-workflow.js";

const cache = new BoundedCache<string, BundledWorkflow>(32);

/**
 * Bundles a workflow and everything it imports from the version's files, in memory, into a
 * script for the sandbox (ES2020, which QuickJS runs). The same files and entry are bundled once:
 * pass the version's tree hash when known, which spares hashing every file's content.
 */
export async function bundleWorkflow(
  files: FileMap,
  entry: WorkflowEntry,
  options: { treeHash?: string } = {},
): Promise<Result<BundledWorkflow>> {
  if (!/^[A-Za-z_$][\w$]*$/.test(entry.exportName)) return fail("invalid", `"${entry.exportName}" is not a function name`);
  if (!files.has(entry.path)) return fail("invalid", `There is no file ${entry.path} in this version`);
  const key = `${options.treeHash ?? hashFiles(files)}\n${entry.path}#${entry.exportName}`;
  const cached = cache.get(key);
  if (cached) return ok(cached);
  try {
    const output = await build({
      stdin: {
        contents: `export { ${entry.exportName} as default } from ${JSON.stringify(`/${entry.path}`)};`,
        sourcefile: "(workflow entry)",
        loader: "js",
      },
      bundle: true,
      write: false,
      format: "iife",
      globalName: WORKFLOW_GLOBAL,
      platform: "neutral",
      target: "es2020",
      charset: "utf8",
      sourcemap: "external",
      sourcesContent: false,
      outfile: BUNDLE_NAME,
      logLevel: "silent",
      plugins: [versionFilesPlugin(files)],
    });
    const text = (suffix: string) => output.outputFiles.find((file) => file.path.endsWith(suffix))?.text ?? "";
    const map = JSON.parse(text(".js.map")) as WorkflowSourceMap;
    const sourceMap = { mappings: map.mappings, sources: map.sources.map((source) => source.replace(`${VERSION_NAMESPACE}:`, "")) };
    const bundled = { entry, code: text(".js"), sourceMap };
    cache.set(key, bundled);
    return ok(bundled);
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (!messages) throw error;
    return fail("invalid", `${entry.path}#${entry.exportName} could not be bundled: ${messages.map(describeMessage).join("; ")}`);
  }
}

function describeMessage(message: Message): string {
  const location = message.location;
  if (!location || location.file === "(workflow entry)") return message.text.replaceAll(`${VERSION_NAMESPACE}:`, "");
  const file = location.file.replace(`${VERSION_NAMESPACE}:`, "");
  return `${file}:${location.line}:${location.column + 1}: ${message.text.replaceAll(`${VERSION_NAMESPACE}:`, "")}`;
}

function hashFiles(files: FileMap): string {
  const hash = createHash("sha256");
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${files.get(path)}\0`);
  return hash.digest("hex");
}
