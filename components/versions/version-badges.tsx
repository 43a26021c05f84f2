import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { VersionOrigin } from "@/lib/versions/version-summary";

const TONES = {
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  sky: "bg-sky-50 text-sky-800 ring-sky-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  emerald: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
  rose: "bg-rose-50 text-rose-800 ring-rose-200",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone, title, id, children }: { tone: keyof typeof TONES; title?: string; id?: string; children: ReactNode }) {
  return (
    <span
      id={id}
      title={title}
      className={cn("inline-flex shrink-0 items-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", TONES[tone])}
    >
      {children}
    </span>
  );
}

const ORIGINS: Record<VersionOrigin, { tone: keyof typeof TONES; title: string }> = {
  manual: { tone: "slate", title: "Created by hand from the draft" },
  deployment: { tone: "sky", title: "Created when the draft was deployed" },
  backup: { tone: "amber", title: "Saved automatically before a restore replaced the draft" },
};

export function OriginBadge({ origin, id }: { origin: VersionOrigin; id?: string }) {
  const { tone, title } = ORIGINS[origin] ?? ORIGINS.manual;
  return (
    <Badge tone={tone} title={title} id={id}>
      {origin}
    </Badge>
  );
}

/** One badge per environment running the version ("production", "staging"…). */
export function EnvironmentBadges({ names, id }: { names: readonly string[]; id: string }) {
  if (names.length === 0) return null;
  return (
    <span id={id} className="flex shrink-0 items-center gap-1">
      <span className="sr-only">Runs in </span>
      {names.map((name) => (
        <Badge key={name} tone="violet" title={`${name} runs this version`}>
          {name}
        </Badge>
      ))}
    </span>
  );
}
