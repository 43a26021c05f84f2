"use client";

import { ProjectPageHeader } from "@/components/projects/project-page-header";
import { usePermission } from "@/components/auth/project-actor";
import type { MembersJson } from "@/lib/members/member-json";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { InviteMember } from "./invite-dialog";
import { MemberTable } from "./member-table";
import { PendingInvites } from "./pending-invites";
import { TwoFactorRequirement } from "./two-factor-requirement";
import { useMembers } from "./queries";

/** The Members page: who is in the project and which invite links wait; admins manage both. */
export function MembersView({ project, initialMembers }: { project: ProjectSummary; initialMembers: MembersJson }) {
  const administer = usePermission("administer");
  const members = useMembers(project.slug, initialMembers);
  const data = members.data;
  return (
    <div className="min-h-dvh bg-slate-50">
      <ProjectPageHeader project={project} page="Members" />
      <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold text-slate-900">Members</h1>
            <p className="mt-1 text-sm text-slate-600">Who works on {project.name}, and what each may do.</p>
          </div>
          {administer.allowed ? <InviteMember slug={project.slug} projectName={project.name} /> : null}
        </div>
        {administer.reason ? (
          <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">{administer.reason}</p>
        ) : null}
        {members.error ? <p className="text-sm text-red-800">The members could not be refreshed: {members.error.message}</p> : null}
        <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
          <h2 id="members-heading" className="mb-3 text-base font-semibold text-slate-900">
            People
          </h2>
          <MemberTable slug={project.slug} projectName={project.name} members={data.members} canAdminister={administer.allowed} />
        </section>
        <section aria-labelledby="invites-heading" className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
          <h2 id="invites-heading" className="mb-3 text-base font-semibold text-slate-900">
            Pending invites
          </h2>
          <PendingInvites slug={project.slug} invites={data.invites} canAdminister={administer.allowed} />
        </section>
        <TwoFactorRequirement project={project} canAdminister={administer.allowed} />
      </main>
    </div>
  );
}
