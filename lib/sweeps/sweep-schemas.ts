import { z } from "zod";

/** POST /api/sweeps/{id}/rerun: the whole sweep again with another seed (drawn when absent). */
export const rerunSweepBody = z
  .object({ seed: z.number().int("seed must be a whole number").min(0, "seed must be at least 0").max(2 ** 31 - 1, `seed must be at most ${2 ** 31 - 1}`).optional() })
  .strict();

/** POST /api/sweeps/{id}/cells/{position}/rerun: the cell's run again, with its seed unless `newSeed`. */
export const rerunCellBody = z.object({ newSeed: z.boolean().optional() }).strict();

/** A cell position in a path: 0 … 99. */
export function parsePosition(raw: string): number | null {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : null;
}
