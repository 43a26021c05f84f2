import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { tableBytes } from "./databases";
import { dropProject, loadProject } from "./fixtures";
import { generateProjectFiles } from "./project-files";
import { summarize, timed } from "./timing";

const WARM_UP_SAVES = 10;

/**
 * Sequential autosaves of one file of `bytes` bytes in a 100-file project, each a small edit
 * on top of the revision the previous save returned, as the editor sends them.
 */
export async function benchAutosave(db: PrismaClient, bytes: number, saves: number, seed: number) {
  const files = generateProjectFiles(100, seed);
  const [target] = generateProjectFiles(1, seed + 1, bytes);
  const file = { path: "workflows/autosave-target.ts", content: target!.content };
  const projectId = await loadProject(db, [...files, file]);
  try {
    let { revision } = await db.draftFile.findUniqueOrThrow({
      where: { projectId_path: { projectId, path: file.path } },
      select: { revision: true },
    });
    const save = async (edit: number) => {
      // Like typing: the same file with a little more text each time.
      const content = `${file.content}\n// note ${edit}: ${"x".repeat(edit % 40)}`;
      const { ms, value } = await timed(() => saveDraftFile(db, { projectId, path: file.path, content, baseRevision: revision }));
      if (!value.ok) throw new Error(`saveDraftFile failed: ${value.error.message}`);
      revision = value.value.revision;
      return ms;
    };
    for (let edit = 0; edit < WARM_UP_SAVES; edit++) await save(edit);
    const before = await tableBytes(db, ["draft_files"]);
    const samples: number[] = [];
    for (let edit = 0; edit < saves; edit++) samples.push(await save(WARM_UP_SAVES + edit));
    const after = await tableBytes(db, ["draft_files"]);
    return {
      fileBytes: Buffer.byteLength(file.content),
      saves,
      ms: summarize(samples),
      /** Growth of draft_files (with TOAST and indexes) over these saves: dead row versions not yet vacuumed. */
      draftFilesBytesAdded: after.draft_files! - before.draft_files!,
    };
  } finally {
    await dropProject(db, projectId);
  }
}
