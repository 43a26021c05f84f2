"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { draftPathSchema } from "@/lib/drafts/schemas";

const schema = z.object({ from: draftPathSchema, to: draftPathSchema });

/** Renames or moves a file, or a folder with everything in it. */
export const renamePathAction = projectAction("edit", schema, ({ db, project, actor }, input) =>
  renameDraftPath(db, { projectId: project.id, ...input, author: actor.name }));
