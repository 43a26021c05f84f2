import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createVersionOrThrow, dropProject, editDraftFile, loadProject } from "./fixtures";
import { GitRepo } from "./git-repo";
import { editedContent, generateProjectFiles } from "./project-files";
import { log, measure, median, ratio, round } from "./timing";

interface Sample {
  ms: number;
  cpuMs: number;
}

interface RoundSamples {
  firstVersion: Sample;
  firstCommit: Sample;
  secondVersion: Sample;
  secondCommit: Sample;
}

/**
 * createVersion of a fresh project against `git add -A && git commit` of the same tree in a
 * fresh repository (the main comparison), then a second version after editing one file
 * against a second commit. Each round uses new contents, so nothing is already stored.
 * Loading the draft and writing the working tree are not timed.
 *
 * CPU time is reported beside wall time when the database runs in this process (PGlite):
 * then it covers all the database's work, as git's covers git's, and it holds up when other
 * programs load the machine. A server's CPU time is not visible from here.
 */
export async function benchVersionCreation(
  db: PrismaClient,
  options: { sizes: readonly number[]; rounds: number; seed: number; inProcessDatabase: boolean },
) {
  await measureRound(db, 100, options.seed, true);
  const results = [];
  for (const size of options.sizes) {
    const rounds: RoundSamples[] = [];
    for (let round = 0; round < options.rounds; round++) {
      rounds.push(await measureRound(db, size, options.seed + size * 10 + round, round % 2 === 0));
      const { firstVersion, firstCommit, secondVersion, secondCommit } = rounds.at(-1)!;
      const times = [firstVersion, firstCommit, secondVersion, secondCommit].map((sample) => Math.round(sample.ms)).join(" / ");
      log(`version creation, ${size} files, round ${round + 1}: first version / commit, second version / commit: ${times} ms`);
    }
    const compare = (draftline: Sample[], git: Sample[]) => ({
      ...compareMs(draftline.map((sample) => sample.ms), git.map((sample) => sample.ms)),
      ...(options.inProcessDatabase
        ? { cpu: compareMs(draftline.map((sample) => sample.cpuMs), git.map((sample) => sample.cpuMs)) }
        : {}),
    });
    results.push({
      files: size,
      firstVersion: compare(rounds.map((r) => r.firstVersion), rounds.map((r) => r.firstCommit)),
      secondVersionOneFileChanged: compare(rounds.map((r) => r.secondVersion), rounds.map((r) => r.secondCommit)),
    });
  }
  return results;
}

function compareMs(draftline: number[], git: number[]) {
  return {
    draftlineMs: { median: round(median(draftline)), samples: draftline.map((ms) => round(ms)) },
    gitMs: { median: round(median(git)), samples: git.map((ms) => round(ms)) },
    ratio: ratio(median(draftline), median(git)),
  };
}

async function measureRound(db: PrismaClient, size: number, seed: number, databaseFirst: boolean): Promise<RoundSamples> {
  const files = generateProjectFiles(size, seed);
  const projectId = await loadProject(db, files);
  const repo = new GitRepo();
  try {
    repo.writeFiles(files);
    // Alternating which side goes first spreads any drift in machine load over both.
    const [firstVersion, firstCommit] = await sideBySide(
      () => measure(() => createVersionOrThrow(db, projectId, "1.0.0")),
      () => measure(() => repo.commit()),
      databaseFirst,
    );

    const changed = files[Math.floor(size / 2)]!;
    const edited = { path: changed.path, content: editedContent(changed.content, seed) };
    await editDraftFile(db, projectId, edited.path, edited.content);
    repo.writeFiles([edited]);
    const [secondVersion, secondCommit] = await sideBySide(
      () => measure(() => createVersionOrThrow(db, projectId, "1.0.1")),
      () => measure(() => repo.commit()),
      databaseFirst,
    );
    return { firstVersion, firstCommit, secondVersion, secondCommit };
  } finally {
    repo.remove();
    await dropProject(db, projectId);
  }
}

async function sideBySide<T>(database: () => Promise<T>, git: () => Promise<T>, databaseFirst: boolean): Promise<[T, T]> {
  if (databaseFirst) {
    const databaseResult = await database();
    return [databaseResult, await git()];
  }
  const gitResult = await git();
  return [await database(), gitResult];
}
