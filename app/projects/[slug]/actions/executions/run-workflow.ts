"use server";

import { projectAction } from "@/app/_entry/project-action";
import { queueExecution } from "@/lib/executions/queue-execution";
import { runWorkflowSchema } from "@/lib/executions/schemas";
import { wakeExecutionWorker } from "@/lib/executions/server-execution-worker";
import { idSchema } from "@/lib/ids";
import { fail } from "@/lib/result";

const schema = runWorkflowSchema.extend({ environmentId: idSchema });

/** Run now: queues a run of a workflow on the environment's active version, started by this person. */
export const runWorkflowAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  let parsedInput: unknown;
  try {
    parsedInput = input.input.trim() === "" ? undefined : JSON.parse(input.input);
  } catch {
    return fail("invalid", "The input is not valid JSON.", { input: "Write the input as JSON, for example {\"since\": \"2026-03-01\"}, or leave it empty." });
  }
  const queued = await queueExecution(db, {
    projectId: project.id,
    environmentId: input.environmentId,
    workflow: input.workflow,
    trigger: "manual",
    input: parsedInput,
    startedBy: { id: actor.id, name: actor.name },
  });
  if (queued.ok) wakeExecutionWorker();
  return queued;
});

