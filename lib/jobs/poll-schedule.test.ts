import { describe, expect, it } from "vitest";
import {
  MAX_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  expectedDurationMs,
  firstPollDelayMs,
  hasSpareRequests,
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

describe("firstPollDelayMs", () => {
  it("is 70 % of the expected duration", () => {
    expect(firstPollDelayMs({})).toBe(2100);
    expect(firstPollDelayMs({ quality: "premium", size_scale: "large" })).toBe(4725);
    expect(firstPollDelayMs({}, 2000)).toBe(1400);
  });
});

describe("nextPollDelayMs with one progress reading", () => {
  it("waits 90 % of the remaining time the reading implies", () => {
    // 2000 × (1 − 0.5) / 0.5 = 2000 → 1800
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.5, pollCount: 0 })).toBe(1800);
    // 3000 × 0.25 / 0.75 = 1000 → 900
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 0 })).toBe(900);
    // 1000 × 0.7 / 0.3 = 2333.3 → 2100
    expect(nextPollDelayMs({ elapsedMs: 1000, progress: 0.3, pollCount: 0 })).toBe(2100);
  });

  it("lands about at the end of a job that sat queued for its first 10 % (the offline engine's timeline)", () => {
    for (const duration of [2000, 2500, 3000, 4000, 6750]) {
      const at = duration * 0.7;
      const progress = Math.round(((at - duration * 0.1) / (duration * 0.9)) * 100) / 100;
      const next = at + nextPollDelayMs({ elapsedMs: at, progress, pollCount: 0 });
      expect(next, String(duration)).toBeGreaterThan(duration - 100);
      expect(next, String(duration)).toBeLessThan(duration + 0.12 * (duration - at));
    }
  });

  it("polls no sooner than 100 ms, and no later than 15 s", () => {
    expect(nextPollDelayMs({ elapsedMs: 1000, progress: 0.98, pollCount: 0 })).toBe(100);
    expect(nextPollDelayMs({ elapsedMs: 0, progress: 0.5, pollCount: 0 })).toBe(100);
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.06, pollCount: 0 })).toBe(15_000);
    expect(nextPollDelayMs({ elapsedMs: 600_000, progress: 0.5, pollCount: 1 })).toBe(15_000);
  });
});

describe("nextPollDelayMs when the request budget has little room", () => {
  it("polls once just past the one-reading prediction (+ 150 ms), at least 1 s apart, and ignores a second reading", () => {
    // 2000 × 0.5 / 0.5 = 2000, + 150
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.5, pollCount: 0, eager: false })).toBe(2150);
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.9, pollCount: 1, previous: { elapsedMs: 2000, progress: 0.5 }, eager: false })).toBe(1000);
    expect(nextPollDelayMs({ elapsedMs: 2000, progress: 0.06, pollCount: 0, eager: false })).toBe(15_000);
  });

  it("sends the first poll at the expected duration, and tells spare from tight", () => {
    expect(firstPollDelayMs({}, 3000, false)).toBe(3000);
    expect(hasSpareRequests(undefined)).toBe(true);
    expect(hasSpareRequests({ left: 5, perMinute: 50 })).toBe(true);
    expect(hasSpareRequests({ left: 4, perMinute: 50 })).toBe(false);
  });
});

describe("nextPollDelayMs with two progress readings", () => {
  it("measures the rate and lands 50 ms past the predicted end", () => {
    // 0.5 → 0.9 in 1000 ms: 0.1 left at 0.0004/ms = 250 ms, + 50
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.9, pollCount: 1, previous: { elapsedMs: 2000, progress: 0.5 } })).toBe(300);
    // Exact for the engine's timeline (linear after a queued 10 %), whatever the duration.
    const d = 3500;
    const p = (e: number) => (e - 0.1 * d) / (0.9 * d);
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: p(3000), pollCount: 1, previous: { elapsedMs: 2000, progress: p(2000) } })).toBe(550);
  });

  it("falls back to one reading when progress did not move or time did not pass", () => {
    const one = nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 1 });
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 1, previous: { elapsedMs: 2000, progress: 0.75 } })).toBe(one);
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 1, previous: { elapsedMs: 3000, progress: 0.5 } })).toBe(one);
    expect(nextPollDelayMs({ elapsedMs: 3000, progress: 0.75, pollCount: 1, previous: { elapsedMs: 2000, progress: 0.01 } })).toBe(one);
  });

  it("keeps within the polls budget (duration / 2 s + 2) when the end keeps being predicted too early", () => {
    // A job whose progress crawls near the end: every prediction says 'almost done'.
    let elapsed = 2100;
    let polls = 1;
    let previous: { elapsedMs: number; progress: number } | null = null;
    let progress = 0.9;
    while (elapsed < 60_000) {
      const delay = nextPollDelayMs({ elapsedMs: elapsed, progress, pollCount: polls - 1, previous });
      previous = { elapsedMs: elapsed, progress };
      elapsed += delay;
      polls += 1;
      progress = Math.min(0.99, progress + 0.001);
      expect(polls, `poll ${polls} at ${elapsed} ms`).toBeLessThanOrEqual(elapsed / 2000 + 2);
    }
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
