/**
 * Seeds. Every run is stored with the seed it used, so the server fills one in when the
 * request has none (same seed + same request = same output, contract §3). BACKGROUND_REMOVAL
 * takes no seed and is returned unchanged.
 */
import { SEED_MAX, SEED_MIN } from "@/lib/models/nova-canvas/limits";
import type { GenerationRequest } from "@/lib/models/nova-canvas/schemas";

function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < SEED_MIN || seed > SEED_MAX) {
    throw new RangeError(`seed must be a whole number between ${SEED_MIN} and ${SEED_MAX} (got ${seed})`);
  }
}

/** Sets the seed, replacing any given one. */
export function withSeed<T extends GenerationRequest>(req: T, seed: number): T {
  if (req.task_type === "BACKGROUND_REMOVAL") return req;
  assertSeed(seed);
  return { ...req, seed };
}

/**
 * Keeps a given seed, else draws one from `random` (a [0, 1) source such as Math.random;
 * pass a crypto-backed one on the server if you prefer).
 */
export function ensureSeed<T extends GenerationRequest>(req: T, random: () => number = Math.random): T {
  if (req.task_type === "BACKGROUND_REMOVAL" || req.seed !== undefined) return req;
  const seed = Math.min(SEED_MAX, Math.floor(random() * (SEED_MAX + 1)));
  return withSeed(req, seed);
}
