import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  RELEASE_SYNC,
  type CustomizeVariantOptions,
  type QuickJSWASMModule,
} from "quickjs-emscripten";

let compiling: Promise<WebAssembly.Module> | undefined;

/**
 * A fresh QuickJS WebAssembly instance for one run. Compiling the WebAssembly happens once per
 * process; instantiating it costs a few milliseconds and buys isolation: a run that aborts QuickJS
 * (it does after some out-of-memory paths) or traps (the host's stack running out inside it)
 * takes down its own instance only, and the memory a run grew is freed with it.
 */
export async function newSandboxModule(): Promise<QuickJSWASMModule> {
  compiling ??= compileQuickJS().catch((error: unknown) => {
    compiling = undefined;
    throw error;
  });
  const wasmModule = await compiling;
  const variant = newVariant(RELEASE_SYNC, { wasmModule, emscriptenModule: QUIET });
  return newQuickJSWASMModuleFromVariant(variant);
}

/** An abort is reported as the run's failure, so Emscripten's own print of it (on stderr) is noise. */
const QUIET = { printErr: () => {} } as unknown as CustomizeVariantOptions["emscriptenModule"];

async function compileQuickJS(): Promise<WebAssembly.Module> {
  const path = createRequire(import.meta.url).resolve("@jitl/quickjs-wasmfile-release-sync/wasm");
  return WebAssembly.compile(await readFile(path));
}
