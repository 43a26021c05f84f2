"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { draftPathSchema } from "@/lib/drafts/schemas";

const schema = z.object({ path: draftPathSchema });

/** Deletes a file, or a folder with everything in it, from the draft. */
export const deletePathAction = projectAction("edit", schema, ({ db, project }, input) => deleteDraftPath(db, { projectId: project.id, ...input }));
