/** What Run now offers: the environment's active version and its workflows. */
export interface RunnableWorkflowsJson {
  version: { id: string; number: number; name: string };
  workflows: string[];
}
