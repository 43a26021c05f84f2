"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { setNamingConventionAction } from "@/app/projects/[slug]/actions/settings/set-naming-convention";
import { projectConvention } from "@/components/naming/project-convention";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import { NAMING_CONVENTIONS, type NamingConvention } from "@/lib/naming/conventions";

interface NamingConventionFormProps {
  slug: string;
  /** The stored setting, as the server page passed it. */
  current: string;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * The Naming convention radio group. Saving revalidates the project page on the server, so
 * the workspace receives the new convention as a prop and suggestions follow it.
 */
export function NamingConventionForm({ slug, current, onSaved, onCancel }: NamingConventionFormProps) {
  const [convention, setConvention] = useState<NamingConvention>(() => projectConvention(current));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({ mutationFn: (next: NamingConvention) => setNamingConventionAction(slug, next) });
  const id = useId();
  const failureMessage = useFailureMessage();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setError(null);
    try {
      const result = await save.mutateAsync(convention);
      if (result.ok) onSaved();
      else setError(result.error.message);
    } catch (error) {
      setError(failureMessage("The setting was not saved.", error));
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={save.isPending}>
      <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={`${id}-intro`} className="flex flex-col gap-2">
        <div>
          <p id={`${id}-label`} className="text-sm font-medium text-slate-800">
            Naming convention
          </p>
          <p id={`${id}-intro`} className="text-xs text-slate-600">
            How new versions are named. Suggestions follow it; a name that does not gets a warning, and can still be used.
          </p>
        </div>
        {NAMING_CONVENTIONS.map((info) => {
          const optionId = `${id}-${info.value}`;
          return (
            <label
              key={info.value}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-indigo-400 has-[:checked]:bg-indigo-50/60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600"
            >
              <input
                type="radio"
                name="namingConvention"
                value={info.value}
                checked={convention === info.value}
                onChange={() => setConvention(info.value)}
                aria-labelledby={`${optionId}-label`}
                aria-describedby={`${optionId}-explanation ${optionId}-examples`}
                className="mt-1 accent-indigo-600 focus-visible:outline-none"
              />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span id={`${optionId}-label`} className="text-sm font-medium text-slate-900">
                  {info.label}
                </span>
                <span id={`${optionId}-explanation`} className="text-xs text-slate-600">
                  {info.explanation}
                </span>
                <span id={`${optionId}-examples`} className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
                  <span>Examples:</span>
                  {info.examples.map((example, index) => (
                    <code key={example} className="rounded bg-slate-100 px-1 py-px font-mono text-slate-800">
                      {example}
                      {index < info.examples.length - 1 ? <span className="sr-only">,</span> : null}
                    </code>
                  ))}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      <FormError>{error}</FormError>
      <FormActions submitLabel="Save" onCancel={onCancel} busy={save.isPending} busyText="Saving…" />
    </form>
  );
}
