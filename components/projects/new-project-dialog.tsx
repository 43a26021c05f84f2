"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { createProjectAction } from "@/app/actions/projects/create-project";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { ProjectTemplate } from "@/lib/projects/schemas";

const TEMPLATES: Array<{ value: ProjectTemplate; label: string; explanation: string }> = [
  { value: "empty", label: "Empty project", explanation: "No files yet; development, staging and production environments." },
  { value: "sample", label: "Copy of the sample integration", explanation: "The files of Order sync, to try things out on." },
];

/** Button New project and its dialog: a name and how to start; the new project opens once created. */
export function NewProjectButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New project
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="New project" description="You become its admin and can invite others to it.">
        {open ? <NewProjectForm onCancel={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function NewProjectForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<ProjectTemplate>("empty");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const create = useMutation({ mutationFn: createProjectAction });
  const failureMessage = useFailureMessage();
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setError(null);
    try {
      const result = await create.mutateAsync({ name, template });
      if (result.ok) router.push(`/projects/${result.value.slug}`);
      else setError({ message: result.error.message, field: result.error.fields?.name });
    } catch (caught) {
      const message = failureMessage("The project was not created.", caught);
      if (message) setError({ message });
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={create.isPending} noValidate>
      <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={error?.field} autoComplete="off" required maxLength={100} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Start with</legend>
        {TEMPLATES.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-indigo-400 has-[:checked]:bg-indigo-50/60"
          >
            <input
              type="radio"
              name="template"
              value={option.value}
              checked={template === option.value}
              onChange={() => setTemplate(option.value)}
              aria-describedby={`${id}-${option.value}`}
              className="mt-1 accent-indigo-600"
            />
            <span className="flex flex-col gap-0.5">
              <span className="text-sm font-medium text-slate-900">{option.label}</span>
              <span id={`${id}-${option.value}`} className="text-xs text-slate-600">
                {option.explanation}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormError>{error && !error.field ? error.message : null}</FormError>
      <FormActions submitLabel="Create project" onCancel={onCancel} busy={create.isPending} busyText="Creating the project…" />
    </form>
  );
}
