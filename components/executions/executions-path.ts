/** The Executions page of an environment. */
export function executionsPath(slug: string, environmentId: string) {
  return `/projects/${encodeURIComponent(slug)}/environments/${encodeURIComponent(environmentId)}/executions`;
}
