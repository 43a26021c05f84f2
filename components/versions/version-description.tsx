"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";

/**
 * Plain text (React escapes it; never HTML), clamped to one line so the list stays compact.
 * When it is clamped, the full text shows on hover and a toggle expands it for keyboard and
 * touch users.
 */
export function VersionDescription({ id, text, tabbable }: { id: string; text: string; tabbable: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || expanded) return;
    // The observer reports once on start, then whenever the width changes the line count.
    const observer = new ResizeObserver(() => setClamped(element.scrollHeight > element.clientHeight + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, expanded]);

  return (
    <div className="flex min-w-0 items-start gap-1.5">
      <p
        ref={ref}
        id={id}
        title={clamped && !expanded ? text : undefined}
        className={cn("min-w-0 flex-1 whitespace-pre-line break-words text-[13px] leading-5 text-slate-700", !expanded && "line-clamp-1")}
      >
        {text}
      </p>
      {clamped || expanded ? (
        <button
          type="button"
          tabIndex={tabbable ? 0 : -1}
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
          className="shrink-0 rounded text-xs font-medium leading-5 text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {expanded ? "Show less" : "Show more"}
        </button>
      ) : null}
    </div>
  );
}
