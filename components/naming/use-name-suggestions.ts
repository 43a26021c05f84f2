"use client";

import { useDeferredValue, useMemo, useState } from "react";
import type { NamingConvention } from "@/lib/naming/conventions";
import { suggestNames, type ExistingVersion, type NameSuggestion, type SuggestNamesInput } from "@/lib/naming/suggest-names";
import { todayInTimeZone } from "@/lib/naming/today-in-time-zone";
import { useVersionNames } from "./queries";

export interface NameSuggestionsOptions {
  convention: NamingConvention;
  /** All of the project's versions, newest first; undefined while they load (no suggestions yet). */
  versions: readonly ExistingVersion[] | undefined;
  /** The project's slug, which feature names start from when nothing else says what changed. */
  project: string;
  description: string;
}

const NO_SUGGESTIONS: readonly NameSuggestion[] = [];

/**
 * Suggestions for the next name, best first, in the browser's time zone. The description is
 * deferred: with thousands of names a suggestion takes milliseconds, and typing must not wait.
 */
export function useNameSuggestions({ convention, versions, project, description }: NameSuggestionsOptions): readonly NameSuggestion[] {
  // Fixed while the dialog is open, so suggestions do not jump at midnight or between renders.
  const [clock] = useState(() => ({ now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
  const deferredDescription = useDeferredValue(description);
  return useMemo(
    () =>
      versions
        ? cachedSuggestions({ convention, versions, project, description: deferredDescription, ...clock })
        : NO_SUGGESTIONS,
    [convention, versions, project, deferredDescription, clock],
  );
}

/**
 * The name a dialog submits: the first suggestion (following it as names load and the
 * description changes) until the user types or picks a suggestion; from then on, theirs.
 */
export function useSuggestedName(suggestions: readonly NameSuggestion[]): [name: string, setName: (name: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  return [chosen ?? suggestions[0]?.name ?? "", setChosen];
}

/** Everything a dialog that names a version needs: the names, and a name prefilled with the best suggestion. */
export function usePrefilledVersionName({ slug, convention, description }: { slug: string; convention: NamingConvention; description: string }) {
  const names = useVersionNames(slug);
  const suggestions = useNameSuggestions({ convention, versions: names.data, project: slug, description });
  const [name, setName] = useSuggestedName(suggestions);
  return { name, setName, versions: names.data, prefilling: names.isPending };
}

// The dialog (for its prefill) and the field (for its buttons) ask for the same suggestions in
// one render; remembering the last answer computes them once.
let last: { input: SuggestNamesInput; today: string; suggestions: NameSuggestion[] } | null = null;

function cachedSuggestions(input: SuggestNamesInput): NameSuggestion[] {
  const today = todayInTimeZone(input.now, input.timeZone);
  const same =
    last !== null &&
    last.today === today &&
    last.input.timeZone === input.timeZone &&
    last.input.convention === input.convention &&
    last.input.versions === input.versions &&
    last.input.project === input.project &&
    last.input.description === input.description;
  if (!same || !last) last = { input, today, suggestions: suggestNames(input) };
  return last.suggestions;
}
