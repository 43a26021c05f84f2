"use client";

import { useState, type FormEvent } from "react";
import { createInviteAction } from "@/app/projects/[slug]/actions/members/create-invite";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { inviteLink } from "@/lib/members/invite-link";
import { RoleSelect } from "./role-select";
import { useMemberMutation } from "./use-member-mutation";

interface CreatedLink {
  url: string;
  email: string;
  role: Role;
  expiresAt: string;
}

/** Button Invite member and its dialog: an email and a role make a link to copy, shown once. */
export function InviteMember({ slug, projectName }: { slug: string; projectName: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedLink | null>(null);
  function changeOpen(next: boolean) {
    if (next) setCreated(null);
    setOpen(next);
  }
  return (
    <>
      <Button variant="primary" onClick={() => changeOpen(true)}>
        Invite member
      </Button>
      <Dialog
        open={open}
        onOpenChange={changeOpen}
        title="Invite member"
        description={created ? undefined : `Makes a link for one person to join ${projectName}. No email is sent: you pass the link on.`}
      >
        {!open ? null : created ? (
          <InviteLink created={created} onDone={() => changeOpen(false)} />
        ) : (
          <InviteForm slug={slug} onCreated={setCreated} onCancel={() => changeOpen(false)} />
        )}
      </Dialog>
    </>
  );
}

function InviteForm({ slug, onCreated, onCancel }: { slug: string; onCreated: (link: CreatedLink) => void; onCancel: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("builder");
  const invite = useMemberMutation(slug, createInviteAction, "No invite link was made.");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await invite.run({ email, role });
    if (created) {
      onCreated({ url: inviteLink(window.location.origin, created.token), email: created.email, role: created.role, expiresAt: new Date(created.expiresAt).toISOString() });
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={invite.pending} noValidate>
      <TextField label="Email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" required />
      <RoleSelect label="Role" value={role} onChange={setRole} />
      <FormError>{invite.error}</FormError>
      <FormActions submitLabel="Create invite link" onCancel={onCancel} busy={invite.pending} busyText="Making the link…" />
    </form>
  );
}

function InviteLink({ created, onDone }: { created: CreatedLink; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(input: HTMLInputElement | null) {
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied("Copied to the clipboard.");
    } catch {
      input?.select();
      setCopied("Copying is not allowed here: the link is selected, press Ctrl+C (⌘C) to copy it.");
    }
  }
  const expires = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(new Date(created.expiresAt));
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Send this link to {created.email}. It lets one person join as {ROLE_LABELS[created.role]} until {expires}, once. It is shown only now.
      </p>
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField label="Invite link" readOnly value={created.url} onFocus={(event) => event.currentTarget.select()} className="font-mono text-xs" />
        </div>
        <Button onClick={(event) => void copy(event.currentTarget.parentElement?.querySelector("input") ?? null)}>Copy</Button>
      </div>
      <p role="status" className="text-xs text-slate-600">
        {copied ?? ""}
      </p>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
