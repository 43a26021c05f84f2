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
  /** A version, and a commit, after each of ONE_FILE_EDITS edits of one file. */
  oneFileVersions: Sample[];
  oneFileCommits: Sample[];
}

/**
 * One-file edits measured per round: the everyday case, sampled more than the first version
 * (three samples per size let one slow moment of the machine move the median).
 */
const ONE_FILE_EDITS = 5;

/**
 * createVersion of a fresh project against `git add -A && git commit` of the same tree in a
 * fresh repository, then, ONE_FILE_EDITS times, a version after editing one file against a
 * commit of the same edit. Each round uses new contents, so nothing is already stored.
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
      const { firstVersion, firstCommit, oneFileVersions, oneFileCommits } = rounds.at(-1)!;
      const times = [firstVersion, firstCommit, ...oneFileVersions.flatMap((version, edit) => [version, oneFileCommits[edit]!])];
      log(`version creation, ${size} files, round ${round + 1}: first version / commit, then after each 1-file edit: ${times.map((sample) => Math.round(sample.ms)).join(" / ")} ms`);
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
      oneFileChanged: compare(rounds.flatMap((r) => r.oneFileVersions), rounds.flatMap((r) => r.oneFileCommits)),
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

    const oneFileVersions: Sample[] = [];
    const oneFileCommits: Sample[] = [];
    for (let edit = 0; edit < ONE_FILE_EDITS; edit++) {
      // A different file each time, spread over the tree (so over different folders).
      const changed = files[(Math.floor(size / 2) + edit * Math.floor(size / ONE_FILE_EDITS + 1)) % size]!;
      const edited = { path: changed.path, content: editedContent(changed.content, seed + edit) };
      await editDraftFile(db, projectId, edited.path, edited.content);
      repo.writeFiles([edited]);
      const [version, commit] = await sideBySide(
        () => measure(() => createVersionOrThrow(db, projectId, `1.0.${edit + 1}`)),
        () => measure(() => repo.commit()),
        (edit % 2 === 0) === databaseFirst,
      );
      oneFileVersions.push(version);
      oneFileCommits.push(commit);
    }
    return { firstVersion, firstCommit, oneFileVersions, oneFileCommits };
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
