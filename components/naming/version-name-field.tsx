"use client";

import { useId } from "react";
import { TextField } from "@/components/ui/field";
import { checkName } from "@/lib/naming/check-name";
import { NAMING_CONVENTIONS, type NamingConvention } from "@/lib/naming/conventions";
import type { ExistingVersion } from "@/lib/naming/suggest-names";
import { cn } from "@/lib/cn";
import { MAX_VERSION_NAME_LENGTH } from "@/lib/versions/schemas";
import { useNameSuggestions } from "./use-name-suggestions";

export interface VersionNameFieldProps {
  value: string;
  onChange: (value: string) => void;
  convention: NamingConvention;
  /** All of the project's versions, newest first; undefined while they load (no suggestions yet). */
  versions: readonly ExistingVersion[] | undefined;
  /** The project's slug, which feature names start from when nothing else says what changed. */
  project: string;
  /** The version's description so far: feature and combined suggestions are made from it. */
  description: string;
  /** A refusal (invalid or duplicate name), shown in red instead of the hint and the convention's warning. */
  error?: string;
  autoFocus?: boolean;
  /**
   * True while the names the prefill is made from load: the field is read-only meanwhile, so the
   * suggestion never lands in the middle of what someone has started typing.
   */
  prefilling?: boolean;
}

/**
 * The Name textbox of every dialog that names a version, with one-click suggestions under it
 * and a warning, never a refusal, when the name breaks the project's naming convention.
 */
export function VersionNameField(props: VersionNameFieldProps) {
  const { value, onChange, convention, versions, project, description, error, autoFocus, prefilling = false } = props;
  const suggestions = useNameSuggestions({ convention, versions, project, description });
  const conventionInfo = NAMING_CONVENTIONS.find((info) => info.value === convention);
  const trimmed = value.trim();
  const check = trimmed === "" ? null : checkName(trimmed, convention);
  const warning = check && !check.follows ? check.warning : null;
  const id = useId();

  return (
    <div className="flex flex-col gap-2">
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        readOnly={prefilling}
        aria-busy={prefilling || undefined}
        placeholder={conventionInfo ? `For example ${conventionInfo.examples[0]}` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
        hint={
          <>
            {/* Always present, so a warning that appears while typing is announced. */}
            <span role="status" className="block">
              {warning ? (
                <span className="flex items-start gap-1.5 rounded-md bg-amber-50 px-2 py-1.5 text-amber-900">
                  <WarningIcon />
                  <span>
                    <span className="font-medium">Doesn’t follow the naming convention{conventionInfo ? ` (${conventionInfo.label})` : ""}.</span>{" "}
                    {warning} You can still use this name.
                  </span>
                </span>
              ) : null}
            </span>
            {warning ? null : `Unique in this project, up to ${MAX_VERSION_NAME_LENGTH} characters.`}
          </>
        }
      />
      {suggestions.length > 0 ? (
        <div role="group" aria-labelledby={`${id}-suggestions`} className="flex flex-wrap items-center gap-1.5">
          <span id={`${id}-suggestions`} className="text-xs text-slate-600">
            Suggestions:
          </span>
          {suggestions.map((suggestion, index) => {
            const applied = suggestion.name === trimmed;
            return (
              <button
                key={suggestion.name}
                type="button"
                aria-label={`Use ${suggestion.name}`}
                aria-describedby={`${id}-suggestion-${index}`}
                onClick={() => onChange(suggestion.name)}
                className={cn(
                  "inline-flex max-w-full items-baseline gap-1.5 rounded-full border px-2.5 py-0.5 text-left text-xs",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                  applied ? "border-indigo-400 bg-indigo-50 text-indigo-900" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                )}
              >
                <span className="break-all font-mono font-medium">{suggestion.name}</span>
                <span id={`${id}-suggestion-${index}`} className="text-slate-600">
                  {suggestion.label}
                </span>
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

function WarningIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="mt-0.5 h-3.5 w-3.5 shrink-0 text-amber-600" fill="currentColor">
      <path d="M8.9 1.9a1 1 0 0 0-1.8 0L.6 13.5A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.5zM7.25 6h1.5v4.25h-1.5zM8 13.25a.9.9 0 1 1 0-1.8.9.9 0 0 1 0 1.8" />
    </svg>
  );
}
