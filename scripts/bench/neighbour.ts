import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import os from "node:os";

/**
 * A CPU-bound program next to the bench: each neighbour is a Node process spinning in a loop.
 * It stops when the bench stops it, when the bench's process is gone (it then has another
 * parent), or after four hours, whichever comes first, so that a killed bench leaves nothing
 * spinning.
 */
const BUSY_LOOP = `
  const parent = process.ppid;
  const stopAt = Date.now() + 4 * 60 * 60 * 1000;
  for (;;) {
    for (let spin = 0; spin < 1e7; spin++);
    if (process.ppid !== parent || Date.now() > stopAt) process.exit(0);
  }`;

/** One busy neighbour per core but one: the bench keeps a core of its own to share (one on two cores). */
export const NEIGHBOURS = Math.max(1, os.availableParallelism() - 1);

/** Runs `work` while `count` busy neighbours compete with it for the CPU. */
export async function withBusyNeighbours<T>(count: number, work: () => Promise<T>): Promise<T> {
  const neighbours: ChildProcess[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const neighbour = spawn(process.execPath, ["-e", BUSY_LOOP], { stdio: "ignore" });
      neighbours.push(neighbour);
      await once(neighbour, "spawn");
    }
    return await work();
  } finally {
    await Promise.all(neighbours.map(stop));
  }
}

async function stop(neighbour: ChildProcess) {
  if (neighbour.exitCode !== null || neighbour.signalCode !== null) return;
  const exited = once(neighbour, "exit");
  neighbour.kill("SIGKILL");
  await exited;
}
