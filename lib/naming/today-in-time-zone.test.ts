import { describe, expect, it } from "vitest";
import { todayInTimeZone } from "./today-in-time-zone";

describe("todayInTimeZone", () => {
  // 2026-03-09T23:30Z is already the 10th in Berlin (UTC+1) and still the 9th in New York (UTC-4 since 8 March).
  it.each([
    ["2026-03-09T23:30:00Z", "Europe/Berlin", "2026-03-10"],
    ["2026-03-09T23:30:00Z", "America/New_York", "2026-03-09"],
    ["2026-03-09T23:30:00Z", "UTC", "2026-03-09"],
    ["2026-03-09T22:59:59.999Z", "Europe/Berlin", "2026-03-09"],
    ["2026-03-09T23:00:00Z", "Europe/Berlin", "2026-03-10"],
    ["2026-03-10T03:59:59.999Z", "America/New_York", "2026-03-09"],
    ["2026-03-10T04:00:00Z", "America/New_York", "2026-03-10"],
    ["2026-03-09T18:29:59Z", "Asia/Kolkata", "2026-03-09"],
    ["2026-03-09T18:30:00Z", "Asia/Kolkata", "2026-03-10"],
    ["2026-12-31T23:30:00Z", "Europe/Berlin", "2027-01-01"],
    ["2026-01-01T00:30:00Z", "America/Los_Angeles", "2025-12-31"],
    ["2028-02-29T12:00:00Z", "Pacific/Kiritimati", "2028-03-01"],
  ])("%s in %s is %s", (instant, timeZone, day) => {
    expect(todayInTimeZone(new Date(instant), timeZone)).toBe(day);
  });

  it.each(["Nowhere/Atlantis", ""])("falls back to UTC for the unknown zone %j", (timeZone) => {
    expect(todayInTimeZone(new Date("2026-03-09T23:30:00Z"), timeZone)).toBe("2026-03-09");
  });
});
