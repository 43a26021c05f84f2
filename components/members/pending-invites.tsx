"use client";

import { revokeInviteAction } from "@/app/projects/[slug]/actions/members/revoke-invite";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { MembersJson } from "@/lib/members/member-json";
import { useMemberMutation } from "./use-member-mutation";

const CELL = "px-2 py-2 align-middle sm:px-3";

/** Invite links not used yet: email, role, when each expires; admins withdraw them with Revoke. */
export function PendingInvites({ slug, invites, canAdminister }: { slug: string; invites: MembersJson["invites"]; canAdminister: boolean }) {
  const revoke = useMemberMutation(slug, revokeInviteAction, "The invite was not withdrawn.");
  if (invites.length === 0) return <p className="text-sm text-slate-600">No invite links are waiting to be used.</p>;
  return (
    <div className="flex flex-col gap-3">
      <FormError>{revoke.error}</FormError>
      <table className="w-full table-fixed border-collapse text-sm">
        <thead className="border-b border-slate-200 text-left text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className={CELL}>
              Email
            </th>
            <th scope="col" className={`${CELL} w-24 sm:w-32`}>
              Role
            </th>
            <th scope="col" className={`${CELL} hidden w-32 sm:table-cell`}>
              Expires
            </th>
            {canAdminister ? (
              <th scope="col" className={`${CELL} w-20 sm:w-24`}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invites.map((invite) => (
            <tr key={invite.id}>
              <td className={CELL}>
                <div className="truncate text-slate-900">{invite.email}</div>
                <div className="text-xs text-slate-600 sm:hidden">
                  Expires <RelativeTime date={invite.expiresAt} />
                </div>
              </td>
              <td className={CELL}>{ROLE_LABELS[invite.role]}</td>
              <td className={`${CELL} hidden text-slate-700 sm:table-cell`}>
                <RelativeTime date={invite.expiresAt} />
              </td>
              {canAdminister ? (
                <td className={`${CELL} text-right`}>
                  <Button size="sm" variant="ghost" aria-disabled={revoke.pending} onClick={() => void revoke.run({ inviteId: invite.id })}>
                    Revoke
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
