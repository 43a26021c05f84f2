"use client";

import Link from "next/link";
import { useProjectActor } from "@/components/auth/project-actor";
import { REQUESTS_REGION_ID } from "./deployment-requests";
import { countActionable, useDeploymentRequests } from "./queries";

/** The header's count of pending deployment requests this person can act on, linking to them; nothing when none. */
export function PendingRequestsLink({ slug }: { slug: string }) {
  const actor = useProjectActor();
  const requests = useDeploymentRequests(slug);
  const count = countActionable(requests.data, actor);
  if (count === 0) return null;
  return (
    <Link
      href={`/projects/${encodeURIComponent(slug)}/environments#${REQUESTS_REGION_ID}`}
      className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span className="inline-flex min-w-5 justify-center rounded-full bg-amber-500 px-1.5 text-xs font-semibold tabular-nums text-white">{count}</span>
      <span>{count === 1 ? "request" : "requests"}</span>
      <span className="sr-only"> waiting for you</span>
    </Link>
  );
}
