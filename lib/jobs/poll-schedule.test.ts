import { describe, expect, it } from "vitest";
import {
  MAX_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  expectedDurationMs,
  nextPollDelayMs,
  retryDelayMs,
} from "./poll-schedule";

describe("poll-schedule constants", () => {
  it("clamps polls to [1 s, 15 s]", () => {
    expect(MIN_POLL_INTERVAL_MS).toBe(1000);
    expect(MAX_POLL_INTERVAL_MS).toBe(15_000);
  });
});

describe("expectedDurationMs", () => {
  it("is 3 s for a standard, small job", () => {
    expect(expectedDurationMs({})).toBe(3000);
    expect(expectedDurationMs({ quality: "standard", size_scale: "small" })).toBe(3000);
  });

  it("is 1.5× for premium quality", () => {
    expect(expectedDurationMs({ quality: "premium" })).toBe(4500);
    expect(expectedDurationMs({ quality: "premium", size_scale: "small" })).toBe(4500);
  });

  it("is 1.5× for the large size", () => {
    expect(expectedDurationMs({ size_scale: "large" })).toBe(4500);
    expect(expectedDurationMs({ quality: "standard", size_scale: "large" })).toBe(4500);
  });

  it("compounds premium and large", () => {
    expect(expectedDurationMs({ quality: "premium", size_scale: "large" })).toBe(6750);
  });

  it("ignores values it does not know", () => {
    expect(expectedDurationMs({ quality: "PREMIUM", size_scale: 2 })).toBe(3000);
  });
});

describe("nextPollDelayMs with progress", () => {
  it("extrapolates the remaining time from progress, plus a 150 ms margin", () => {
    // remaining ≈ 2000 × (1 − 0.5) / 0.5 = 2000, + 150
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.5, pollCount: 1 })).toBe(2150);
    // 3000 × 0.25 / 0.75 = 1000, + 150
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 1 })).toBe(1150);
    // 4000 × 0.8 / 0.2 = 16000 → capped
    expect(nextPollDelayMs({ elapsedMs: 4000, progress: 0.2, pollCount: 1 })).toBe(15_000);
    // 2000 × 0.6 / 0.4 = 3000, + 150
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.4, pollCount: 5 })).toBe(3150);
  });

  it("ignores pollCount when progress is usable", () => {
    for (const pollCount of [0, 1, 4, 10]) {
      expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.5, pollCount })).toBe(2150);
    }
  });

  it("never polls sooner than 1 s", () => {
    // 1000 × 0.1 / 0.9 ≈ 111 + 150 → 1000
    expect(nextPollDelayMs({ elapsedMs: 1000, progress: 0.9, pollCount: 1 })).toBe(1000);
    expect(nextPollDelayMs({ elapsedMs: 0, progress: 0.5, pollCount: 1 })).toBe(1000);
  });

  it("never waits longer than 15 s", () => {
    // 2000 × 0.94 / 0.06 ≈ 31 333 → 15 000
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.06, pollCount: 1 })).toBe(15_000);
    expect(nextPollDelayMs({ elapsedMs: 600_000, progress: 0.5, pollCount: 1 })).toBe(15_000);
  });

  it("rounds to whole milliseconds", () => {
    // 1000 × 0.7 / 0.3 = 2333.33 + 150 = 2483.33
    expect(nextPollDelayMs({ elapsedMs: 1000, progress: 0.3, pollCount: 1 })).toBe(2483);
  });
});

describe("nextPollDelayMs without usable progress", () => {
  it("grows 1000, 1500, 2250, 3375 … by poll count", () => {
    const delays = [0, 1, 2, 3, 4].map((pollCount) => nextPollDelayMs({ elapsedMs: 5000, progress: null, pollCount }));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5063]);
  });

  it("caps the geometric growth at 15 s", () => {
    expect(nextPollDelayMs({ elapsedMs: 0, progress: null, pollCount: 6 })).toBe(11_391);
    expect(nextPollDelayMs({ elapsedMs: 0, progress: null, pollCount: 7 })).toBe(15_000);
    expect(nextPollDelayMs({ elapsedMs: 0, progress: null, pollCount: 50 })).toBe(15_000);
  });

  it("treats a negative poll count as 0", () => {
    expect(nextPollDelayMs({ elapsedMs: 0, progress: null, pollCount: -2 })).toBe(1000);
  });

  it("falls back to the geometric schedule when progress is ≤ 5% or already 1", () => {
    for (const progress of [0, 0.01, 0.05, 1]) {
      expect(nextPollDelayMs({ elapsedMs: 2000, progress, pollCount: 2 }), String(progress)).toBe(2250);
    }
  });
});

describe("retryDelayMs", () => {
  it("uses Retry-After seconds when given", () => {
    expect(retryDelayMs(7, 0, () => 0)).toBe(7000);
    expect(retryDelayMs(1, 5, () => 1)).toBe(1000);
    expect(retryDelayMs(30, 2)).toBe(30_000);
  });

  it("backs off with half jitter inside [ceiling / 2, ceiling] otherwise", () => {
    // failures 0 → ceiling 1000
    expect(retryDelayMs(undefined, 0, () => 0)).toBe(500);
    expect(retryDelayMs(undefined, 0, () => 1)).toBe(1000);
    expect(retryDelayMs(undefined, 0, () => 0.5)).toBe(750);
    // failures 1 → 2000, 2 → 4000, 3 → 8000
    expect(retryDelayMs(undefined, 1, () => 0)).toBe(1000);
    expect(retryDelayMs(undefined, 1, () => 1)).toBe(2000);
    expect(retryDelayMs(undefined, 2, () => 1)).toBe(4000);
    expect(retryDelayMs(undefined, 3, () => 0)).toBe(4000);
    expect(retryDelayMs(undefined, 3, () => 1)).toBe(8000);
  });

  it("caps the backoff ceiling at 15 s", () => {
    expect(retryDelayMs(undefined, 4, () => 1)).toBe(15_000);
    expect(retryDelayMs(undefined, 4, () => 0)).toBe(7500);
    expect(retryDelayMs(undefined, 6, () => 1)).toBe(15_000);
    expect(retryDelayMs(undefined, 40, () => 0)).toBe(7500);
  });

  it("stays inside the bounds with the real Math.random", () => {
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(undefined, 2);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
