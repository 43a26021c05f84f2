import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const NOW = Date.UTC(2026, 2, 9, 12, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe("formatRelativeTime", () => {
  it("reads like a person would say it", () => {
    expect(formatRelativeTime(ago(10), NOW)).toBe("just now");
    expect(formatRelativeTime(ago(5 * 60), NOW)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(3 * 3600), NOW)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(26 * 3600), NOW)).toBe("yesterday");
    expect(formatRelativeTime(ago(14 * 86400), NOW)).toBe("2 weeks ago");
    expect(formatRelativeTime(ago(400 * 86400), NOW)).toBe("last year");
  });

  it("treats a slightly fast server clock as now", () => {
    expect(formatRelativeTime(ago(-20), NOW)).toBe("just now");
  });
});
