import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { environmentKeys } from "@/components/environments/queries";
import { versionKeys } from "@/components/versions/queries";
import { runWorkflowAction } from "@/app/projects/[slug]/actions/executions/run-workflow";
import { getJson } from "@/lib/http/get-json";
import { isActive, type ExecutionDetailJson, type ExecutionJson, type ExecutionStatus, type ExecutionTrigger } from "@/lib/executions/execution-json";
import type { RunnableWorkflowsJson } from "@/lib/executions/list-runnable-workflows-json";

/** How often lists and details refresh while a run is queued or running. */
const LIVE_REFRESH_MS = 1000;

export interface ExecutionFilterValues {
  status?: ExecutionStatus;
  trigger?: ExecutionTrigger;
  version?: number;
}

export const executionKeys = {
  environment: (slug: string, environmentId: string) => ["projects", slug, "executions", environmentId] as const,
  list: (slug: string, environmentId: string, filters: ExecutionFilterValues) => [...executionKeys.environment(slug, environmentId), "list", filters] as const,
  detail: (slug: string, environmentId: string, executionId: string) => [...executionKeys.environment(slug, environmentId), "detail", executionId] as const,
  workflows: (slug: string, environmentId: string) => [...executionKeys.environment(slug, environmentId), "workflows"] as const,
  /** After a run was queued: that environment's lists. */
  invalidateAfterRun: (queryClient: QueryClient, slug: string, environmentId: string) =>
    queryClient.invalidateQueries({ queryKey: executionKeys.environment(slug, environmentId) }),
  /** After runs finished: the success rates (each environment's active version and history, Version History) and what "Roll back to last healthy" picks. */
  invalidateAfterRunsFinished: (queryClient: QueryClient, slug: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: environmentKeys.list(slug) }),
      queryClient.invalidateQueries({ queryKey: environmentKeys.all(slug), predicate: (query) => query.queryKey.at(-1) === "history" }),
      queryClient.invalidateQueries({ queryKey: versionKeys.lists(slug) }),
    ]),
};

function environmentUrl(slug: string, environmentId: string, suffix: string) {
  return `/api/projects/${encodeURIComponent(slug)}/environments/${encodeURIComponent(environmentId)}/${suffix}`;
}

export function useExecutions(slug: string, environmentId: string, filters: ExecutionFilterValues) {
  const query = useQuery({
    queryKey: executionKeys.list(slug, environmentId, filters),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      if (filters.status) search.set("status", filters.status);
      if (filters.trigger) search.set("trigger", filters.trigger);
      if (filters.version) search.set("version", String(filters.version));
      return getJson<ExecutionJson[]>(environmentUrl(slug, environmentId, `executions${search.size > 0 ? `?${search}` : ""}`), signal);
    },
    refetchInterval: (query) => (query.state.data?.some((execution) => isActive(execution.status)) ? LIVE_REFRESH_MS : false),
    retry: 1,
  });
  useRefreshWhenRunsFinish(slug, query.data);
  return query;
}

/** The live list's refreshes see runs finish: the success rates shown elsewhere are then out of date. */
function useRefreshWhenRunsFinish(slug: string, executions: readonly ExecutionJson[] | undefined) {
  const queryClient = useQueryClient();
  const active = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!executions) return;
    const finished = executions.some((execution) => active.current.has(execution.id) && !isActive(execution.status));
    active.current = new Set(executions.filter((execution) => isActive(execution.status)).map((execution) => execution.id));
    if (finished) void executionKeys.invalidateAfterRunsFinished(queryClient, slug);
  }, [executions, queryClient, slug]);
}

export function useExecution(slug: string, environmentId: string, executionId: string | null) {
  return useQuery({
    queryKey: executionKeys.detail(slug, environmentId, executionId ?? ""),
    queryFn: ({ signal }) => getJson<ExecutionDetailJson>(environmentUrl(slug, environmentId, `executions/${encodeURIComponent(executionId ?? "")}`), signal),
    enabled: executionId !== null,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? LIVE_REFRESH_MS : false),
    retry: 1,
  });
}

export function useRunnableWorkflows(slug: string, environmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: executionKeys.workflows(slug, environmentId),
    queryFn: ({ signal }) => getJson<RunnableWorkflowsJson>(environmentUrl(slug, environmentId, "workflows"), signal),
    enabled,
    retry: 1,
  });
}

export function useRunWorkflow(slug: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { workflow: string; input: string }) => runWorkflowAction(slug, { environmentId, ...input }),
    onSuccess: (result) => {
      if (result.ok) void executionKeys.invalidateAfterRun(queryClient, slug, environmentId);
    },
  });
}
