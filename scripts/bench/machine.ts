import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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
  /** The bench's own app server (its process group), when it started one. */
  serverMs?: number;
}

/**
 * CPU time spent so far by the whole machine and by this bench (with git, without a database
 * server), and by the app server in `serverGroup` when given.
 */
export function cpuSnapshot(serverGroup?: number): CpuSnapshot {
  // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal …" in 10 ms ticks.
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = ticks[3]! + ticks[4]!;
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const snapshot: CpuSnapshot = { at: performance.now(), machineBusyMs: (total - idle) * 10, benchMs: cpuMs() };
  if (serverGroup !== undefined) snapshot.serverMs = processGroupCpuMs(serverGroup);
  return snapshot;
}

/** CPU milliseconds used so far by the live processes of a process group (Linux, 10 ms ticks). */
function processGroupCpuMs(group: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // After the command name: state, ppid, pgrp… utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/**
 * Shares of the machine's CPU capacity between two snapshots: used by this bench, by its app
 * server when the snapshots follow one, and by everything else (other people's servers and
 * builds, and a PostgreSQL server under test).
 */
export function cpuShares(from: CpuSnapshot, to: CpuSnapshot): { bench: number; server?: number; others: number } {
  const capacity = (to.at - from.at) * os.cpus().length;
  const bench = to.benchMs - from.benchMs;
  const server = from.serverMs !== undefined && to.serverMs !== undefined ? Math.max(0, to.serverMs - from.serverMs) : undefined;
  const others = Math.max(0, to.machineBusyMs - from.machineBusyMs - bench - (server ?? 0));
  const share = (ms: number) => round(ms / capacity, 2);
  return server === undefined ? { bench: share(bench), others: share(others) } : { bench: share(bench), server: share(server), others: share(others) };
}
