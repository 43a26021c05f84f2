import type { VersionRef } from "@/lib/deployments/deployment-entry";

// Kept out of deploy-context.tsx, so the dialog and form it renders need not import it back.

/** What to deploy: the latest draft (as a new version) or an existing version. */
export type DeployTarget =
  | { kind: "draft" }
  /** `promoteFrom`: the environment running this version now; recorded as a promotion. */
  | { kind: "version"; version: VersionRef; promoteFrom?: { id: string; name: string } };

export interface DeployRequest {
  target: DeployTarget;
  /** The environment preselected in the dialog; when absent, the first that does not run the version (see firstEnvironmentNotRunning). */
  environmentId?: string;
}
