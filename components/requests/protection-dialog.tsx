"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { EnvironmentJson } from "@/lib/environments/environment-json";
import { MAX_REQUIRED_APPROVALS } from "@/lib/requests/schemas";
import { useSetRequiredApprovals } from "./queries";

interface ProtectionDialogProps {
  slug: string;
  environment: EnvironmentJson;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** How many approvals a change of this environment's active version needs; 0 leaves it unprotected. */
export function ProtectionDialog({ slug, environment, open, onOpenChange }: ProtectionDialogProps) {
  const inputId = useId();
  const [count, setCount] = useState(String(environment.requiredApprovals));
  const [error, setError] = useState<string | null>(null);
  const save = useSetRequiredApprovals(slug);
  const failureMessage = useFailureMessage();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const requiredApprovals = Number(count);
    if (count.trim() === "" || !Number.isInteger(requiredApprovals) || requiredApprovals < 0 || requiredApprovals > MAX_REQUIRED_APPROVALS) {
      return setError(`Enter a whole number from 0 to ${MAX_REQUIRED_APPROVALS}.`);
    }
    setError(null);
    try {
      const result = await save.mutateAsync({ environmentId: environment.id, requiredApprovals });
      if (result.ok) onOpenChange(false);
      else setError(result.error.message);
    } catch (caught) {
      setError(failureMessage("The protection was not changed.", caught));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Protect ${environment.name}`}
      description={`With approvals required, every deploy, promotion or rollback in ${environment.name} becomes a request that Release managers or Admins approve; nobody approves their own. 0 leaves it unprotected.`}
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4" aria-busy={save.isPending}>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
            Required approvals
          </label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_REQUIRED_APPROVALS}
            step={1}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            aria-invalid={error ? true : undefined}
            className="w-24 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
          />
        </div>
        <FormError>{error}</FormError>
        <div className="flex items-center justify-end gap-2">
          <p role="status" className="mr-auto text-xs text-slate-600">
            {save.isPending ? "Saving…" : ""}
          </p>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" aria-disabled={save.isPending} className="aria-disabled:opacity-70">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
