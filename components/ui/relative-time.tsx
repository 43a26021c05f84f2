"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const EXACT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"… */
export function formatRelativeTime(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return RELATIVE.format(Math.round(seconds / 60), "minute");
}

export function formatExactTime(date: Date): string {
  return EXACT.format(date);
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const subscribeNever = () => () => {};

/** False while rendering on the server and hydrating, true from then on. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

/**
 * A relative date that keeps itself current, with the exact time on hover. The server's
 * clock and time zone differ from the browser's, so until hydrated it shows the UTC date,
 * which both agree on.
 */
export function RelativeTime({ date, className }: { date: string | Date; className?: string }) {
  const now = useNow(30_000);
  const hydrated = useHydrated();
  const value = typeof date === "string" ? new Date(date) : date;
  if (!hydrated) {
    return (
      <time dateTime={value.toISOString()} className={className}>
        {value.toISOString().slice(0, 10)}
      </time>
    );
  }
  return (
    <time dateTime={value.toISOString()} title={formatExactTime(value)} className={className}>
      {formatRelativeTime(value, now)}
    </time>
  );
}
