import type { Db } from "@/lib/db/client";
import { fail, type Result } from "@/lib/result";
import type { ExecutionJson } from "./execution-json";
import { hookTokenMatches } from "./hook-token";
import { queueExecution } from "./queue-execution";

export interface HookCall {
  projectSlug: string;
  environmentName: string;
  workflow: string;
  /** The bearer token sent, if any. */
  token: string | null;
  input: unknown;
}

/** Same answer for an unknown project or environment and a wrong token: a guess learns nothing. */
const NO_SUCH_TRIGGER = "There is no trigger at this address for this token.";

/** An HTTP trigger: checks the environment's token, then queues the workflow with the body as input. */
export async function triggerByHook(db: Db, call: HookCall): Promise<Result<ExecutionJson>> {
  if (!call.token) return fail("unauthenticated", "Send the environment's trigger token as `Authorization: Bearer <token>`.");
  const environment = await db.environment.findFirst({
    where: { name: call.environmentName, project: { slug: call.projectSlug } },
    select: { id: true, projectId: true, hookTokenHash: true },
  });
  if (!environment || !hookTokenMatches(call.token, environment.hookTokenHash)) return fail("not_found", NO_SUCH_TRIGGER);
  return queueExecution(db, { projectId: environment.projectId, environmentId: environment.id, workflow: call.workflow, trigger: "http", input: call.input });
}
