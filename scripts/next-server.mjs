// Runs `next dev` or `next start` on the loopback interface unless DRAFTLINE_HOST says otherwise:
// reachable from elsewhere, the server shows its sign-in page to whoever gets there.
// Usage: node scripts/next-server.mjs dev|start [next options…]  (an explicit -H/--hostname wins)
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

export const HOST_ENV = "DRAFTLINE_HOST";
export const DEFAULT_HOST = "127.0.0.1";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** The host to listen on: an explicit -H/--hostname among `options`, else DRAFTLINE_HOST, else loopback. */
export function listenHost(options, env) {
  for (const [index, option] of options.entries()) {
    if (option === "-H" || option === "--hostname") return options[index + 1] ?? DEFAULT_HOST;
    if (option.startsWith("--hostname=")) return option.slice("--hostname=".length);
  }
  return env[HOST_ENV]?.trim() || DEFAULT_HOST;
}

/** The arguments for the `next` binary: the command, then -H with the host unless the options name one. */
export function nextArguments(command, options, env) {
  const explicit = options.some((option) => option === "-H" || option === "--hostname" || option.startsWith("--hostname="));
  return explicit ? [command, ...options] : [command, "-H", listenHost(options, env), ...options];
}

/** The warning printed when the server is reachable from other machines, or null on loopback. */
export function exposureWarning(host) {
  if (LOOPBACK.has(host)) return null;
  return `Draftline listens on ${host}: other machines that reach this interface get its sign-in page. Set DRAFTLINE_ORIGIN to the address people use (https, so session cookies are Secure).`;
}

function main() {
  const [command, ...options] = process.argv.slice(2);
  if (command !== "dev" && command !== "start") {
    console.error("Usage: node scripts/next-server.mjs dev|start [next options…]");
    process.exit(2);
  }
  const warning = exposureWarning(listenHost(options, process.env));
  if (warning) console.warn(`\n⚠ ${warning}\n`);
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [next, ...nextArguments(command, options, process.env)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
