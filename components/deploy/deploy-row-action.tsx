"use client";

import { Button } from "@/components/ui/button";
import type { VersionJson } from "@/lib/versions/version-json";
import { useDeployLauncher } from "./deploy-context";

/** A Version History row's Deploy…: that version, as it is, to an environment chosen in the dialog. */
export function DeployRowAction({ version, tabbable }: { version: VersionJson; tabbable: boolean }) {
  const launcher = useDeployLauncher();
  if (!launcher) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      tabIndex={tabbable ? 0 : -1}
      onClick={() => launcher.openDeploy({ target: { kind: "version", version: { id: version.id, number: version.number, name: version.name } } })}
    >
      Deploy…
    </Button>
  );
}

/** Names of the environments running a version, for its badges; empty outside a DeployProvider. */
export function useEnvironmentsRunning(versionId: string): readonly string[] {
  return useDeployLauncher()?.runningIn.get(versionId) ?? NONE;
}

const NONE: readonly string[] = [];
