"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { createAccessTokenAction } from "@/app/actions/tokens/create-access-token";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { MAX_TOKEN_NAME_LENGTH, TOKEN_LIFETIMES } from "@/lib/tokens/schemas";

export interface TokenProjectOption {
  id: string;
  name: string;
}

const SELECT =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200";

/** Button Create token and its dialog: a name, a scope and a lifetime; then the token, shown this once. */
export function CreateTokenButton({ projects }: { projects: TokenProjectOption[] }) {
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) setToken(null);
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create token
      </Button>
      <Dialog
        open={open}
        onOpenChange={close}
        title={token ? "Your new token" : "Create token"}
        description={token ? "Copy it now: it is shown only this once and cannot be read again." : "The token acts as you, with your role in each project it may reach."}
      >
        {!open ? null : token ? <NewToken token={token} onDone={() => close(false)} /> : <CreateTokenForm projects={projects} onCreated={setToken} onCancel={() => close(false)} />}
      </Dialog>
    </>
  );
}

function NewToken({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <TextField label="New token" value={token} readOnly onFocus={(event) => event.currentTarget.select()} className="font-mono text-xs" />
      <div className="flex items-center justify-end gap-2">
        <p role="status" className="mr-auto text-xs text-slate-600">
          {copied ? "Copied." : ""}
        </p>
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          Copy
        </Button>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function CreateTokenForm({ projects, onCreated, onCancel }: { projects: TokenProjectOption[]; onCreated: (token: string) => void; onCancel: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [projectId, setProjectId] = useState("");
  const [expiresInDays, setExpiresInDays] = useState<(typeof TOKEN_LIFETIMES)[number]>(30);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const create = useMutation({ mutationFn: createAccessTokenAction });
  const failureMessage = useFailureMessage();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setError(null);
    try {
      const result = await create.mutateAsync({ name, projectId: projectId || null, expiresInDays });
      if (result.ok) {
        onCreated(result.value.token);
        router.refresh();
      } else {
        setError({ message: result.error.message, field: result.error.fields?.name });
      }
    } catch (caught) {
      const message = failureMessage("The token was not created.", caught);
      if (message) setError({ message });
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={create.isPending} noValidate>
      <TextField label="Token name" value={name} onChange={(event) => setName(event.target.value)} error={error?.field} autoComplete="off" required maxLength={MAX_TOKEN_NAME_LENGTH} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-scope`} className="text-sm font-medium text-slate-800">
          Project
        </label>
        <select id={`${id}-scope`} className={SELECT} value={projectId} onChange={(event) => setProjectId(event.target.value)}>
          <option value="">All your projects</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-expiry`} className="text-sm font-medium text-slate-800">
          Expires after
        </label>
        <select
          id={`${id}-expiry`}
          className={SELECT}
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(Number(event.target.value) as (typeof TOKEN_LIFETIMES)[number])}
        >
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </div>
      <FormError>{error && !error.field ? error.message : null}</FormError>
      <FormActions submitLabel="Create token" onCancel={onCancel} busy={create.isPending} busyText="Creating the token…" />
    </form>
  );
}
