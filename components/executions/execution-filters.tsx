"use client";

import { useId } from "react";
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from "@/lib/executions/execution-json";
import { STATUS_LABELS, TRIGGER_LABELS } from "./execution-format";
import type { ExecutionFilterValues } from "./queries";

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200";

/** Narrows the executions by status, trigger and version number. */
export function ExecutionFilters({ value, onChange }: { value: ExecutionFilterValues; onChange: (next: ExecutionFilterValues) => void }) {
  const id = useId();
  return (
    <div role="group" aria-label="Filter executions" className="flex flex-wrap items-end gap-3">
      <ChoiceFilter
        id={`${id}-status`}
        label="Status"
        anyLabel="Any status"
        labels={STATUS_LABELS}
        choices={EXECUTION_STATUSES}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
      <ChoiceFilter
        id={`${id}-trigger`}
        label="Trigger"
        anyLabel="Any trigger"
        labels={TRIGGER_LABELS}
        choices={EXECUTION_TRIGGERS}
        value={value.trigger}
        onChange={(trigger) => onChange({ ...value, trigger })}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-version`} className="text-xs font-medium text-slate-700">
          Version number
        </label>
        <input
          id={`${id}-version`}
          type="number"
          min={1}
          inputMode="numeric"
          className={`${CONTROL} w-28`}
          value={value.version ?? ""}
          onChange={(event) => {
            const number = Number(event.target.value);
            onChange({ ...value, version: Number.isInteger(number) && number > 0 ? number : undefined });
          }}
        />
      </div>
    </div>
  );
}

interface ChoiceFilterProps<T extends string> {
  id: string;
  label: string;
  anyLabel: string;
  labels: Record<T, string>;
  choices: readonly T[];
  value: T | undefined;
  onChange: (next: T | undefined) => void;
}

function ChoiceFilter<T extends string>({ id, label, anyLabel, labels, choices, value, onChange }: ChoiceFilterProps<T>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} className={CONTROL} value={value ?? ""} onChange={(event) => onChange((event.target.value || undefined) as T | undefined)}>
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}
