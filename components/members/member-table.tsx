"use client";

import { useState } from "react";
import { changeMemberRoleAction } from "@/app/projects/[slug]/actions/members/change-member-role";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { MemberJson } from "@/lib/members/member-json";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RoleSelect } from "./role-select";
import { useMemberMutation } from "./use-member-mutation";

const CELL = "px-2 py-2 align-middle sm:px-3";

/** The members with name, email, role and when they joined; admins change roles and remove members here. */
export function MemberTable({ slug, projectName, members, canAdminister }: { slug: string; projectName: string; members: MemberJson[]; canAdminister: boolean }) {
  const changeRole = useMemberMutation(slug, changeMemberRoleAction, "The role was not changed.");
  const [removing, setRemoving] = useState<MemberJson | null>(null);
  if (members.length === 0) return <p className="text-sm text-slate-600">No one has joined yet. Invite people with an invite link.</p>;
  return (
    <div className="flex flex-col gap-3">
      <FormError>{changeRole.error}</FormError>
      <table className="w-full table-fixed border-collapse text-sm">
        <thead className="border-b border-slate-200 text-left text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className={`${CELL} w-auto`}>
              Name
            </th>
            <th scope="col" className={`${CELL} w-32 sm:w-44`}>
              Role
            </th>
            <th scope="col" className={`${CELL} hidden w-32 md:table-cell`}>
              Joined
            </th>
            {canAdminister ? (
              <th scope="col" className={`${CELL} w-20 sm:w-24`}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => (
            <tr key={member.userId}>
              <td className={CELL}>
                <div className="truncate font-medium text-slate-900">{member.name}</div>
                <div className="truncate text-xs text-slate-600">{member.email}</div>
                <div className="text-xs text-slate-600 md:hidden">
                  Joined <RelativeTime date={member.joinedAt} />
                </div>
              </td>
              <td className={CELL}>
                {canAdminister ? (
                  <RoleSelect
                    label={`Role of ${member.name}`}
                    hideLabel
                    value={member.role}
                    disabled={changeRole.pending}
                    onChange={(role) => void changeRole.run({ userId: member.userId, role })}
                  />
                ) : (
                  ROLE_LABELS[member.role]
                )}
              </td>
              <td className={`${CELL} hidden text-slate-700 md:table-cell`}>
                <RelativeTime date={member.joinedAt} />
              </td>
              {canAdminister ? (
                <td className={`${CELL} text-right`}>
                  <Button size="sm" variant="ghost" aria-label={`Remove ${member.name}`} onClick={() => setRemoving(member)}>
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {removing ? <RemoveMemberDialog slug={slug} projectName={projectName} member={removing} onClose={() => setRemoving(null)} /> : null}
    </div>
  );
}
