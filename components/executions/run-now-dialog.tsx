"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useFailureMessage } from "@/components/ui/use-failure-message";
import type { ExecutionJson } from "@/lib/executions/execution-json";
import { executionsPath } from "./executions-path";
import { useRunnableWorkflows, useRunWorkflow } from "./queries";

interface RunNowDialogProps {
  slug: string;
  environment: { id: string; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Run now: pick a workflow of the active version, give it optional JSON input, queue the run. */
export function RunNowDialog({ slug, environment, open, onOpenChange }: RunNowDialogProps) {
  const selectId = useId();
  const workflows = useRunnableWorkflows(slug, environment.id, open);
  const run = useRunWorkflow(slug, environment.id);
  const failureMessage = useFailureMessage();
  const [picked, setPicked] = useState<string | null>(null);
  const [input, setInput] = useState("");
  const [inputError, setInputError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<ExecutionJson | null>(null);
  const names = workflows.data?.workflows ?? [];
  const workflow = picked ?? names[0] ?? "";

  function reset() {
    setInputError(undefined);
    setError(null);
    setQueued(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (run.isPending || !workflow) return;
    reset();
    if (input.trim() !== "") {
      try {
        JSON.parse(input);
      } catch {
        setInputError("The input is not valid JSON: write it like {\"since\": \"2026-03-01\"}, or leave it empty.");
        return;
      }
    }
    try {
      const result = await run.mutateAsync({ workflow, input });
      if (result.ok) setQueued(result.value);
      else if (result.error.fields?.input) setInputError(result.error.fields.input);
      else setError(result.error.message);
    } catch (caught) {
      setError(failureMessage("Nothing was started.", caught));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
      title={`Run a workflow in ${environment.name}`}
      description={
        workflows.data
          ? `It runs on ${workflows.data.version.name} (#${workflows.data.version.number}), the version active in ${environment.name}, even if another is deployed before it finishes.`
          : `It runs on the version active in ${environment.name}.`
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4" aria-busy={run.isPending}>
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
            Workflow
          </label>
          <select
            id={selectId}
            value={workflow}
            onChange={(event) => setPicked(event.target.value)}
            disabled={names.length === 0}
            className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
          >
            {names.length > 0 ? (
              names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))
            ) : (
              <option value="">{workflows.isPending ? "Loading workflows…" : "No workflows"}</option>
            )}
          </select>
          {workflows.error ? <p className="text-xs text-red-700" role="alert">{workflows.error.message}</p> : null}
        </div>
        <TextAreaField
          label="Input (JSON, optional)"
          rows={4}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          error={inputError}
          hint="Handed to the workflow as its second argument and as context.input."
          className="font-mono"
        />
        <FormError>{error}</FormError>
        {queued ? (
          <p role="status" className="text-sm text-slate-800">
            Queued {queued.workflow} on {queued.versionName}.{" "}
            <Link className="font-medium text-indigo-700 underline" href={`${executionsPath(slug, environment.id)}?execution=${queued.id}`}>
              See the run
            </Link>
          </p>
        ) : (
          <p role="status" className="text-xs text-slate-600">
            {run.isPending ? "Starting…" : ""}
          </p>
        )}
        <div className="flex items-center justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            {queued ? "Close" : "Cancel"}
          </Button>
          <Button type="submit" aria-disabled={run.isPending || !workflow} className="aria-disabled:opacity-70">
            Run
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
