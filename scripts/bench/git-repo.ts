import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProjectFile } from "./project-files";

/** A throwaway git repository to compare Draftline's versions with commits of the same tree. */
export class GitRepo {
  readonly dir = mkdtempSync(path.join(tmpdir(), "draftline-bench-git-"));
  private commits = 0;

  constructor() {
    this.git("init", "-q");
    // Automatic gc would repack at random moments and make timings and sizes incomparable.
    this.git("config", "gc.auto", "0");
    this.git("config", "user.name", "Bench");
    this.git("config", "user.email", "bench@example.com");
  }

  writeFiles(files: ProjectFile[]) {
    const folders = new Set(files.map((file) => path.dirname(file.path)));
    for (const folder of folders) mkdirSync(path.join(this.dir, folder), { recursive: true });
    for (const file of files) writeFileSync(path.join(this.dir, file.path), file.content);
  }

  /** `git add -A && git commit -q`, as a person would type it. */
  commit() {
    this.run("sh", ["-c", `git add -A && git commit -q -m "commit ${++this.commits}"`]);
  }

  /** Bytes of everything under .git/objects (loose objects, or packs and their indexes). */
  objectBytes(): number {
    return folderBytes(path.join(this.dir, ".git", "objects"));
  }

  gc() {
    this.git("gc", "-q");
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private git(...args: string[]) {
    this.run("git", args);
  }

  private run(command: string, args: string[]) {
    const result = spawnSync(command, args, { cwd: this.dir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  }
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(entryPath) : statSync(entryPath).size;
  }
  return total;
}
