"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { draftPathSchema } from "@/lib/drafts/schemas";

const schema = z.object({ path: draftPathSchema, content: z.string({ error: "The content must be text." }).optional() });

/** Creates a file in the draft; a folder comes into being with its first file. */
export const createFileAction = projectAction("edit", schema, ({ db, project, actor }, input) =>
  createDraftFile(db, { projectId: project.id, ...input, author: actor.name }));
