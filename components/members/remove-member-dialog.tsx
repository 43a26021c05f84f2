"use client";

import { removeMemberAction } from "@/app/projects/[slug]/actions/members/remove-member";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import type { MemberJson } from "@/lib/members/member-json";
import { useMemberMutation } from "./use-member-mutation";

/** Confirms taking a member out of the project; the server refuses it for the last admin and says so here. */
export function RemoveMemberDialog({ slug, projectName, member, onClose }: { slug: string; projectName: string; member: MemberJson; onClose: () => void }) {
  const remove = useMemberMutation(slug, removeMemberAction, `${member.name} was not removed.`);
  async function confirm() {
    if (await remove.run({ userId: member.userId })) onClose();
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Remove ${member.name} from ${projectName}?`}
      description={`${member.name} (${member.email}) will no longer see or change ${projectName}. Their account and what they made stay; an admin can invite them again.`}
    >
      <div className="flex flex-col gap-4" aria-busy={remove.pending}>
        <FormError>{remove.error}</FormError>
        <div className="flex items-center justify-end gap-2">
          <p role="status" className="mr-auto text-xs text-slate-600">
            {remove.pending ? "Removing…" : ""}
          </p>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" aria-disabled={remove.pending} className="aria-disabled:opacity-70" onClick={() => void confirm()}>
            Remove
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
