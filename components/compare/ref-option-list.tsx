"use client";

import type { UIEvent } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import type { RefOption, RefOptions } from "./use-ref-options";

interface RefOptionListProps {
  id: string;
  labelledBy: string;
  optionId: (index: number) => string;
  list: RefOptions;
  value: string;
  activeIndex: number;
  onChoose: (option: RefOption) => void;
  onHover: (index: number) => void;
}

/** The picker's popup: the options, and what to say when there are none (yet). */
export function RefOptionList({ id, labelledBy, optionId, list, value, activeIndex, onChoose, onHover }: RefOptionListProps) {
  function loadMoreNearEnd(event: UIEvent<HTMLUListElement>) {
    const { scrollTop, clientHeight, scrollHeight } = event.currentTarget;
    if (scrollHeight - scrollTop - clientHeight < 80) list.loadMore();
  }

  return (
    // Pressing inside keeps focus in the input, so choosing with the mouse does not blur it first.
    <div
      className="absolute left-0 top-full z-30 mt-1 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white shadow-lg"
      onMouseDown={(event) => event.preventDefault()}
    >
      <ul id={id} role="listbox" aria-labelledby={labelledBy} className={cn("max-h-80 overflow-y-auto", list.options.length > 0 && "py-1")} onScroll={loadMoreNearEnd}>
        {list.options.map((option, index) => (
          <li
            key={option.ref}
            id={optionId(index)}
            role="option"
            aria-label={option.label}
            aria-selected={option.ref === value}
            onClick={() => onChoose(option)}
            onMouseMove={() => index !== activeIndex && onHover(index)}
            className={cn(
              "flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm",
              index === activeIndex ? "bg-indigo-50 text-indigo-950" : "text-slate-800",
            )}
          >
            <CheckIcon visible={option.ref === value} />
            <span className="min-w-0 truncate font-medium">{option.version ? option.version.name : option.label}</span>
            {option.version ? (
              <>
                <span className="shrink-0 text-xs tabular-nums text-slate-600">#{option.version.number}</span>
                <RelativeTime date={option.version.createdAt} className="ml-auto shrink-0 pl-2 text-xs text-slate-500" />
              </>
            ) : (
              <span className="ml-auto shrink-0 pl-2 text-xs text-slate-500">current files</span>
            )}
          </li>
        ))}
      </ul>
      <ListStatus list={list} />
    </div>
  );
}

function ListStatus({ list }: { list: RefOptions }) {
  const versionCount = list.options.filter((option) => option.version).length;
  if (list.error) {
    return (
      <div role="alert" className="border-t border-slate-100 px-3 py-2 text-xs text-red-800">
        The versions could not be loaded. {list.error.message}
        <Button size="sm" className="ml-2" onClick={list.retry}>
          Try again
        </Button>
      </div>
    );
  }
  let text = "";
  if (list.loading) text = "Loading versions…";
  else if (list.options.length === 0) text = list.search === null ? "Searching versions…" : `No versions match “${list.search}”.`;
  else if (list.hasMore) text = `${versionCount.toLocaleString("en")} of ${list.total.toLocaleString("en")} versions — scroll for more`;
  return (
    <p role="status" className={cn("px-3 text-xs text-slate-600", text && "border-t border-slate-100 py-2")}>
      {text}
    </p>
  );
}

function CheckIcon({ visible }: { visible: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={cn("h-3.5 w-3.5 shrink-0 text-indigo-600", !visible && "invisible")} fill="none">
      <path d="m3.5 8.5 3 3 6-7" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
