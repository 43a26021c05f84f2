"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { RefOptionList } from "./ref-option-list";
import { useRefOptions, type RefOption } from "./use-ref-options";

interface RefPickerProps {
  slug: string;
  /** The visible label and the combobox's accessible name: "From" or "To". */
  label: string;
  value: string;
  /** How the chosen side reads; null while it is not known yet. */
  valueLabel: string | null;
  onChange: (ref: string) => void;
}

/**
 * An editable combobox (the ARIA list-autocomplete pattern): it shows the chosen side, and
 * typing searches versions by name or description. Arrow keys move through the list, Enter
 * chooses, Escape puts the chosen side back.
 */
export function RefPicker({ slug, label, value, valueLabel, onChange }: RefPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // null while the user is not typing: the input then shows the chosen side.
  const [query, setQuery] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const list = useRefOptions(slug, (query ?? "").trim());
  const active = open ? Math.min(activeIndex, list.options.length - 1) : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [id, active]);

  function openList() {
    setOpen(true);
    setActiveIndex(Math.max(list.options.findIndex((option) => option.ref === value), 0));
  }

  function close() {
    setOpen(false);
    setQuery(null);
  }

  function choose(option: RefOption) {
    close();
    if (option.ref !== value) onChange(option.ref);
  }

  function move(by: number) {
    const last = list.options.length - 1;
    if (by > 0 && active >= last) list.loadMore();
    setActiveIndex(Math.min(Math.max(active + by, 0), Math.max(last, 0)));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList();
        else move(event.key === "ArrowDown" ? 1 : -1);
        return;
      case "PageDown":
      case "PageUp":
        if (!open) return;
        event.preventDefault();
        move(event.key === "PageDown" ? 10 : -10);
        return;
      case "Enter": {
        const option = list.options[active];
        if (!open || !option) return;
        event.preventDefault();
        choose(option);
        return;
      }
      case "Escape":
        if (!open && query === null) return;
        event.preventDefault();
        close();
        return;
    }
  }

  return (
    <div className="flex items-center gap-2">
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="w-10 text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative w-72">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? `${id}-listbox` : undefined}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query ?? valueLabel ?? ""}
          placeholder={valueLabel === null ? "Choose a version" : "Search versions"}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActiveIndex(0);
          }}
          onKeyDown={handleKeyDown}
          onFocus={(event) => event.target.select()}
          onClick={() => (open ? close() : openList())}
          onBlur={close}
          className={cn(
            "h-9 w-full truncate rounded-md border border-slate-300 bg-white pl-2.5 pr-8 text-sm text-slate-900",
            "placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200",
          )}
        />
        <ChevronIcon />
        {open ? (
          <RefOptionList
            id={`${id}-listbox`}
            labelledBy={`${id}-label`}
            optionId={optionId}
            list={list}
            value={value}
            activeIndex={active}
            onChoose={choose}
            onHover={setActiveIndex}
          />
        ) : null}
      </div>
    </div>
  );
}

function ChevronIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="pointer-events-none absolute right-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="m4 6 4 4 4-4" />
    </svg>
  );
}
