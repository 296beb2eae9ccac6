import { SEED_MAX } from "@/lib/models";

/** A uniformly random seed in the model's accepted range [0, SEED_MAX]. */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] % (SEED_MAX + 1);
}
