import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { cpuMs, round } from "./timing";

/** What the numbers were measured on. */
export function machineFacts() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    git: execFileSync("git", ["--version"], { encoding: "utf8" }).trim(),
  };
}

export interface CpuSnapshot {
  at: number;
  machineBusyMs: number;
  benchMs: number;
}

/** CPU time spent so far by the whole machine and by this bench (with git, without a database server). */
export function cpuSnapshot(): CpuSnapshot {
  // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal …" in 10 ms ticks.
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = ticks[3]! + ticks[4]!;
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { at: performance.now(), machineBusyMs: (total - idle) * 10, benchMs: cpuMs() };
}

/**
 * Shares of the machine's CPU capacity between two snapshots: used by this bench, and by
 * everything else (other people's servers and builds, and a PostgreSQL server under test).
 */
export function cpuShares(from: CpuSnapshot, to: CpuSnapshot) {
  const capacity = (to.at - from.at) * os.cpus().length;
  const bench = to.benchMs - from.benchMs;
  const others = Math.max(0, to.machineBusyMs - from.machineBusyMs - bench);
  return { bench: round(bench / capacity, 2), others: round(others / capacity, 2) };
}
