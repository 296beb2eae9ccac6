/**
 * When to ask upstream about a job next. The budget is at most duration / 2 s + 2 polls per job
 * (DESIGN.md section 5), and the time from upstream completion to our copy should be short (the
 * live stream shows a result as soon as it is stored: issue 12 wants it on screen within 500 ms
 * median), so polls aim at the predicted completion instead of ticking at a fixed rate:
 *
 * - the first poll lands at 70 % of the expected duration for the job's quality and size, early
 *   enough that most jobs are still running and report progress;
 * - with one progress reading, the next poll aims at 90 % of the remaining time that reading
 *   implies (it assumes progress ran from the submit; time the job spent queued first makes that
 *   an overestimate), which lands about at the end: for the offline engine's timeline (queued
 *   for the first 10 %), from just before it to 11 % of the time left after it;
 * - with two readings, the rate is measured, and the poll lands 50 ms after the predicted end;
 * - progress-based polls are at least 100 ms apart, and never more than the budget allows: poll
 *   n + 2 comes no earlier than 2 s × n after the submit, so a job whose end keeps being
 *   predicted too early still stays within duration / 2 s + 2 polls;
 * - without progress, intervals grow geometrically (1 s, 1.5 s, 2.25 s … capped).
 *
 * Those extra polls near the end cost requests of the account's budget (UPSTREAM_RPM), which
 * submits need too. So they are spent only while a tenth of the budget is spare
 * (`hasSpareRequests`); otherwise polls are thrifty, as before the live stream: the first at the
 * expected duration, then the one-reading prediction + 150 ms, at least 1 s apart.
 */
export const MIN_POLL_INTERVAL_MS = 1000;
export const MAX_POLL_INTERVAL_MS = 15_000;
/** Polls near a predicted end may be this close together. */
export const NEAR_END_MIN_INTERVAL_MS = 100;
/** Share of the expected duration at which the first poll comes. */
export const FIRST_POLL_SHARE = 0.7;
/** Share of a one-reading prediction of the remaining time the next poll waits. */
const ONE_READING_SHARE = 0.9;
/** Past a two-reading prediction of the end: a poll that comes just before it costs a poll. */
const END_MARGIN_MS = 50;
/** The polls budget: duration / POLL_BUDGET_MS + 2. */
const POLL_BUDGET_MS = 2000;

export interface ExpectedDurationInput {
  quality?: unknown;
  size_scale?: unknown;
  number_of_images?: unknown;
}

/** The gateway's typical standard, small job; the offline engine passes its own configured mean. */
export const DEFAULT_BASE_DURATION_MS = 3000;

/** A rough prior for how long the model takes; progress reports correct it after the first poll. */
export function expectedDurationMs(params: ExpectedDurationInput, baseMs = DEFAULT_BASE_DURATION_MS): number {
  let ms = baseMs;
  if (params.quality === "premium") ms *= 1.5;
  if (params.size_scale === "large") ms *= 1.5;
  return Math.round(ms);
}

/** Share of the request budget that must be free for polls to aim closely at the end. */
const SPARE_SHARE = 0.1;

/** Whether the budget has room for close polls near the end (no budget: no limit known). */
export function hasSpareRequests(status: { left: number; perMinute: number } | undefined): boolean {
  return status === undefined || status.left >= status.perMinute * SPARE_SHARE;
}

/** When the first poll of a just-submitted job comes (ms after the submit). */
export function firstPollDelayMs(params: ExpectedDurationInput, baseMs = DEFAULT_BASE_DURATION_MS, eager = true): number {
  return Math.round(expectedDurationMs(params, baseMs) * (eager ? FIRST_POLL_SHARE : 1));
}

export interface NextPollInput {
  /** Since the submit, at this poll. */
  elapsedMs: number;
  progress: number | null;
  /** Polls made before this one. */
  pollCount: number;
  /** The previous poll's reading (elapsed since the submit, progress), when it reported progress. */
  previous?: { elapsedMs: number; progress: number } | null;
  /** False when the request budget has little room: one poll just past the predicted end, ≥ 1 s apart. */
  eager?: boolean;
}

const usable = (progress: number | null | undefined): progress is number => typeof progress === "number" && progress > 0.05 && progress < 1;

export function nextPollDelayMs({ elapsedMs, progress, pollCount, previous, eager = true }: NextPollInput): number {
  if (!usable(progress)) {
    const delay = MIN_POLL_INTERVAL_MS * 1.5 ** Math.max(0, pollCount);
    return Math.round(Math.min(MAX_POLL_INTERVAL_MS, delay));
  }
  if (!eager) {
    // A small margin past the predicted end avoids a wasted poll just before it.
    const delay = (elapsedMs * (1 - progress)) / progress + 150;
    return Math.round(Math.min(MAX_POLL_INTERVAL_MS, Math.max(MIN_POLL_INTERVAL_MS, delay)));
  }
  let delay: number;
  if (previous && usable(previous.progress) && progress > previous.progress && elapsedMs > previous.elapsedMs) {
    const rate = (progress - previous.progress) / (elapsedMs - previous.elapsedMs);
    delay = (1 - progress) / rate + END_MARGIN_MS;
  } else {
    delay = (ONE_READING_SHARE * elapsedMs * (1 - progress)) / progress;
  }
  // The next poll is number pollCount + 2: no earlier than 2 s × pollCount after the submit.
  const withinBudget = POLL_BUDGET_MS * Math.max(0, pollCount) - elapsedMs;
  return Math.round(Math.min(MAX_POLL_INTERVAL_MS, Math.max(NEAR_END_MIN_INTERVAL_MS, withinBudget, delay)));
}

/** After a transient failure (429, 5xx, timeout): the server's Retry-After, else backoff. */
export function retryDelayMs(retryAfterSeconds: number | undefined, failures: number, random = Math.random): number {
  // Capped: the gateway keeps job state one hour, so no single wait may approach that.
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, 5 * 60_000);
  const ceiling = Math.min(MAX_POLL_INTERVAL_MS, 1000 * 2 ** failures);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
