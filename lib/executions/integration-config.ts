import type { Schedule } from "./parse-schedule";

export interface WorkflowEntry {
  /** The version's file holding the workflow ("workflows/order-sync.ts"). */
  path: string;
  /** The exported function the run calls ("syncOrders"). */
  exportName: string;
}

export interface WorkflowConfig {
  name: string;
  entry: WorkflowEntry;
  schedule: Schedule;
  timeoutMs: number;
}

export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface EnvironmentConfig {
  /** Plain values such as `shop.url`, which connection templates refer to as `${connections.shop.url}`. */
  values: Record<string, string>;
  /** Replaces every workflow's schedule in this environment ("manual" in development). */
  schedule?: Schedule;
  /** Everything else the file says about the environment (alerts…), kept as written. */
  extra: Record<string, unknown>;
}

/** What integration.yaml says, checked and typed. */
export interface IntegrationConfig {
  name?: string;
  description?: string;
  workflows: WorkflowConfig[];
  retries: RetryPolicy;
  /** Connection name → environment variable name → template ("${secrets.ERP_API_TOKEN}"). */
  connections: Record<string, Record<string, string>>;
  environments: Record<string, EnvironmentConfig>;
}

export const INTEGRATION_CONFIG_PATH = "integration.yaml";
export const DEFAULT_WORKFLOW_TIMEOUT_MS = 30_000;
export const MAX_WORKFLOW_TIMEOUT_MS = 60 * 60_000;
export const DEFAULT_RETRIES: RetryPolicy = { maxAttempts: 3, initialBackoffMs: 1000, maxBackoffMs: 30_000 };
