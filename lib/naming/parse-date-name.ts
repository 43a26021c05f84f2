/** A date name: a day with an optional same-day index (`2026-03-09`, `2026-03-09.1`) or a quarter (`2026-Q1`). */
export type DateName =
  | { kind: "day"; day: string; index: number }
  | { kind: "quarter"; year: number; quarter: number };

// The index starts at 1 without leading zeros: the day's first version has no index at all.
const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:\.([1-9]\d{0,5}))?$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Reads a date name, refusing days that are not on the calendar (`2026-02-30`). */
export function parseDateName(name: string): DateName | null {
  const quarter = QUARTER.exec(name);
  if (quarter) return { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) };

  const day = DAY.exec(name);
  if (!day) return null;
  const year = Number(day[1]);
  const month = Number(day[2]);
  const dayOfMonth = Number(day[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
  return { kind: "day", day: name.slice(0, 10), index: day[4] ? Number(day[4]) : 0 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
