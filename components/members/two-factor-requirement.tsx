"use client";

import { useState } from "react";
import { setTwoFactorRequirementAction } from "@/app/projects/[slug]/actions/settings/set-two-factor-requirement";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { useMemberMutation } from "./use-member-mutation";

/**
 * Whether release managers and admins must sign in with a second factor to act in the project
 * (until they turn it on they may only read). Admins change it; everyone sees it.
 */
export function TwoFactorRequirement({ project, canAdminister }: { project: ProjectSummary; canAdminister: boolean }) {
  const [required, setRequired] = useState(project.requireTwoFactor);
  const change = useMemberMutation(project.slug, setTwoFactorRequirementAction, "The requirement was not changed");

  /** Shown at once, put back if the server refuses. */
  async function toggle(next: boolean) {
    setRequired(next);
    const saved = await change.run(next);
    setRequired(saved ? saved.requireTwoFactor : !next);
  }

  return (
    <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="two-factor-heading" className="mb-2 text-base font-semibold text-slate-900">
        Two-factor sign-in
      </h2>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4 accent-indigo-600"
          checked={required}
          disabled={!canAdminister || change.pending}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <span>
          Require two-factor sign-in for release managers and admins
          <span className="block text-slate-600">Until they turn it on in Account settings, they can only read this project.</span>
        </span>
      </label>
      {change.error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {change.error}
        </p>
      ) : null}
    </section>
  );
}
