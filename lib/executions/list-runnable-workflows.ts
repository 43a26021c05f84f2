import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import { toFileMap } from "./file-map";
import type { RunnableWorkflowsJson } from "./list-runnable-workflows-json";
import { readIntegrationConfig } from "./read-integration-config";


/** The workflows of the environment's active version (from its integration.yaml), which Run now offers. */
export async function listRunnableWorkflows(db: Db, request: { projectId: string; environmentId: string }): Promise<Result<RunnableWorkflowsJson>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { name: true, activeVersion: { select: { id: true, number: true, name: true } } },
  });
  if (!environment) return unknownEnvironment;
  if (!environment.activeVersion) return fail("conflict", `Nothing is deployed to ${environment.name} yet, so there is nothing to run.`);
  const files = await getVersionFiles(db, request.projectId, environment.activeVersion.id);
  if (!files.ok) return files;
  const config = readIntegrationConfig(toFileMap(files.value));
  if (!config.ok) return config;
  return ok({ version: environment.activeVersion, workflows: config.value.workflows.map((workflow) => workflow.name) });
}
