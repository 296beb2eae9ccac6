/**
 * When to ask upstream about a job next. The budget is at most duration / 2 s + 2 polls per job
 * (DESIGN.md section 5), and the time from upstream completion to our copy should stay under a
 * second, so polls aim at the predicted completion instead of ticking at a fixed rate:
 *
 * - the first poll lands near the expected duration for the job's quality and size;
 * - later polls extrapolate from reported progress (remaining ≈ elapsed × (1 − p) / p);
 * - without progress, intervals grow geometrically (1 s, 1.5 s, 2.25 s … capped).
 */
export const MIN_POLL_INTERVAL_MS = 1000;
export const MAX_POLL_INTERVAL_MS = 15_000;

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

export interface NextPollInput {
  elapsedMs: number;
  progress: number | null;
  pollCount: number;
}

export function nextPollDelayMs({ elapsedMs, progress, pollCount }: NextPollInput): number {
  let delay: number;
  if (progress !== null && progress > 0.05 && progress < 1) {
    // A small margin past the predicted finish avoids a wasted poll just before completion.
    delay = (elapsedMs * (1 - progress)) / progress + 150;
  } else {
    delay = MIN_POLL_INTERVAL_MS * 1.5 ** Math.max(0, pollCount);
  }
  return Math.round(Math.min(MAX_POLL_INTERVAL_MS, Math.max(MIN_POLL_INTERVAL_MS, delay)));
}

/** After a transient failure (429, 5xx, timeout): the server's Retry-After, else backoff. */
export function retryDelayMs(retryAfterSeconds: number | undefined, failures: number, random = Math.random): number {
  // Capped: the gateway keeps job state one hour, so no single wait may approach that.
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, 5 * 60_000);
  const ceiling = Math.min(MAX_POLL_INTERVAL_MS, 1000 * 2 ** failures);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
