import { SEED_MAX } from "@/lib/models";

/** Sizes of a run, overridable from the environment (BENCH_*); bounded to sane ranges. */
export function intOption(name: string, fallback: number, min = 1, max = 100_000): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max} (got ${raw})`);
  return n;
}

/** A distinct prompt per request, so no two jobs are the same request. */
export function benchPrompt(tag: string, i: number): string {
  return `benchmark ${tag} ${i}: a red fox in fresh snow under a gold sunset`;
}

export function randomSeed(): number {
  return Math.floor(Math.random() * (SEED_MAX + 1));
}
