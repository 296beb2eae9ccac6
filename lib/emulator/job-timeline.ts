/**
 * A job's status is a pure function of the clock: no timer per job, so a thousand queued jobs
 * cost nothing and a paused test process sees consistent states when it resumes.
 * The first 10 % of the duration is "queued", the rest "processing" with progress rising
 * linearly, and at the end the job's predetermined outcome shows.
 */
export const QUEUED_FRACTION = 0.1;
/** Progress shown while still processing never reaches 1: 1 means finished. */
const MAX_RUNNING_PROGRESS = 0.99;

export type Phase = { phase: "queued"; progress: 0 } | { phase: "processing"; progress: number } | { phase: "finished"; progress: 1 };

export function phaseAt(createdAt: number, durationMs: number, now: number): Phase {
  const elapsed = now - createdAt;
  if (elapsed >= durationMs) return { phase: "finished", progress: 1 };
  const queuedFor = durationMs * QUEUED_FRACTION;
  if (elapsed < queuedFor) return { phase: "queued", progress: 0 };
  const raw = (elapsed - queuedFor) / (durationMs - queuedFor);
  return { phase: "processing", progress: Math.min(MAX_RUNNING_PROGRESS, Math.round(raw * 100) / 100) };
}

export interface DurationInput {
  latencyMs: { min: number; max: number };
  premium: boolean;
  large: boolean;
  extraMs: number;
  /** [0, 1) source; durations need not be reproducible, images must. */
  random?: () => number;
}

/** Standard small jobs take min..max; premium and large each take 1.5× as long. */
export function jobDuration({ latencyMs, premium, large, extraMs, random = Math.random }: DurationInput): number {
  const base = latencyMs.min + (latencyMs.max - latencyMs.min) * random();
  return Math.round(base * (premium ? 1.5 : 1) * (large ? 1.5 : 1) + extraMs);
}
