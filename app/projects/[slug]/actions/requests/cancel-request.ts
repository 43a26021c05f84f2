"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { idSchema } from "@/lib/ids";
import { cancelRequest } from "@/lib/requests/cancel-request";

const schema = z.object({ requestId: idSchema });

/** The requester withdraws their own pending request. */
export const cancelRequestAction = projectAction("deploy", schema, ({ db, project, actor }, input) =>
  cancelRequest(db, { projectId: project.id, actor, ...input }),
);
