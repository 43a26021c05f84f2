import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import { toFileMap, type FileMap } from "./file-map";
import type { IntegrationConfig, WorkflowConfig } from "./integration-config";
import { readIntegrationConfig } from "./read-integration-config";

export interface LoadedWorkflow {
  files: FileMap;
  config: IntegrationConfig;
  workflow: WorkflowConfig;
}

/** A version's files, its integration.yaml and the named workflow in it. */
export async function loadWorkflow(
  db: Db,
  request: { projectId: string; versionId: string; workflow: string },
): Promise<Result<LoadedWorkflow>> {
  const rows = await getVersionFiles(db, request.projectId, request.versionId);
  if (!rows.ok) return rows;
  const files = toFileMap(rows.value);
  const config = readIntegrationConfig(files);
  if (!config.ok) return config;
  const workflow = config.value.workflows.find((candidate) => candidate.name === request.workflow);
  if (!workflow) {
    const names = config.value.workflows.map((candidate) => candidate.name).join(", ");
    return fail("not_found", `There is no workflow "${request.workflow}" in this version's integration.yaml${names ? ` (it has ${names})` : ""}.`);
  }
  return ok({ files, config: config.value, workflow });
}
