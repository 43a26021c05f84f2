import { describe, expect, it } from "vitest";
import { percentile, summarizeWithTail } from "./timing";

describe("percentile", () => {
  it("is the nearest-rank sample, whatever the order", () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 0.5)).toBe(3);
    expect(percentile(samples, 0.95)).toBe(5);
    expect(percentile(samples, 0.2)).toBe(1);
  });

  it("is not a number without samples", () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("summarizeWithTail", () => {
  it("adds the 99th percentile, which sees the slowest 1 of 100", () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    samples[99] = 1000;
    const summary = summarizeWithTail(samples);
    expect(summary).toMatchObject({ n: 100, p50: 50, p95: 95, p99: 99, min: 1, max: 1000 });
  });

  it("shows the slow requests once more than 1 in 100 are slow", () => {
    const samples = Array.from({ length: 1000 }, () => 10);
    samples.fill(500, 0, 10);
    expect(summarizeWithTail(samples).p99).toBe(10);
    samples.fill(500, 0, 11);
    expect(summarizeWithTail(samples).p99).toBe(500);
  });
});
