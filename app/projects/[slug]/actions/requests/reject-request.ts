"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { idSchema } from "@/lib/ids";
import { rejectRequest } from "@/lib/requests/reject-request";
import { noteSchema } from "@/lib/requests/schemas";

const schema = z.object({ requestId: idSchema, comment: noteSchema("The comment").default("") });

/** Turns someone else's deployment request down, with a comment. */
export const rejectRequestAction = projectAction("approve", schema, ({ db, project, actor }, input) =>
  rejectRequest(db, { projectId: project.id, actor, ...input }),
);
