"use client";

import { Button } from "@/components/ui/button";
import { useDeployLauncher } from "./deploy-context";

/** The header's Deploy: the latest draft, as a new version, to an environment of the user's choice. */
export function DeployButton() {
  const launcher = useDeployLauncher();
  if (!launcher) return null;
  return (
    <Button variant="primary" className="max-sm:w-9 max-sm:justify-center max-sm:px-0" onClick={() => launcher.openDeploy({ target: { kind: "draft" } })}>
      <RocketIcon />
      {/* Icon only on phones; the name stays for screen readers and tests. */}
      <span className="max-sm:sr-only">Deploy</span>
    </Button>
  );
}

function RocketIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M9.5 2.5c2-1 4-1 4-1s0 2-1 4L8 10 6 8z" />
      <path d="M6 8 3.5 7.5 5 5.5h3M8 10l.5 2.5 2-1.5V8M4.5 11.5c-1 .5-1.5 2-1.5 2s1.5-.5 2-1.5" />
    </svg>
  );
}
