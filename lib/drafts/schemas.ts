import { z } from "zod";

/** Draft revisions live in a 32-bit integer column; a larger number can name no stored file. */
export const MAX_REVISION = 2 ** 31 - 1;

const NO_REVISION = "The save names no valid revision to build on.";

/** The revision an editor loaded and a save builds on. Shared by the autosave route and saveDraftFile. */
export const baseRevisionSchema = z
  .number({ error: NO_REVISION })
  .int(NO_REVISION)
  .min(1, NO_REVISION)
  .max(MAX_REVISION, {
    error: (issue) =>
      `The save names revision ${String(issue.input)}, which no file can have: revisions go up to ${MAX_REVISION.toLocaleString("en")}. Reload the file.`,
  });

/** The autosave body: `{ content, baseRevision }`. */
export const saveDraftFileBodySchema = z.object({ content: z.string({ error: "The file content must be text." }), baseRevision: baseRevisionSchema });
/**
 * A path as a file action receives it, checked loosely: the operations give the precise,
 * user-facing message (see validate-path.ts).
 */
export const draftPathSchema = z.string({ error: "Name the file or folder." }).min(1, "Name the file or folder.").max(2000, "This path is too long.");
