import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** Milliseconds `work` took, wall clock. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Times `work` once and also returns its value. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least `fraction` of all samples at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (samples: number[]) => percentile(samples, 0.5);

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  return {
    n: samples.length,
    p50: round(percentile(samples, 0.5), 2),
    p95: round(percentile(samples, 0.95), 2),
    min: round(Math.min(...samples), 2),
    max: round(Math.max(...samples), 2),
  };
}

/** A summary with the tail too, for many requests under load. */
export function summarizeWithTail(samples: number[]): Summary & { p99: number } {
  return { ...summarize(samples), p99: round(percentile(samples, 0.99), 2) };
}

/** `numerator / denominator` rounded for a report. */
export const ratio = (numerator: number, denominator: number) => round(numerator / denominator, 2);

/** Progress for the person running the bench; stdout carries only the JSON. */
export function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * CPU milliseconds used so far by this process (all its threads, so also embedded PGlite) plus
 * the child processes it has waited for (git). Unlike wall time, it barely moves when other
 * programs compete for the CPU. Linux only; children are counted in clock ticks of 10 ms.
 */
export function cpuMs(): number {
  const own = process.cpuUsage();
  // Fields after the command name, which ends with ") ": the 3rd field (state) comes first,
  // so cutime (16th) and cstime (17th) are at 13 and 14.
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  const childTicks = Number(fields[13]) + Number(fields[14]);
  return (own.user + own.system) / 1000 + childTicks * 10;
}

/** Wall and CPU milliseconds of `work`. */
export async function measure(work: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const cpuBefore = cpuMs();
  const ms = await timeMs(work);
  return { ms, cpuMs: cpuMs() - cpuBefore };
}
