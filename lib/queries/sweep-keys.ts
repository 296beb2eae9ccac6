/** The sweeps' query keys (to be folded into query-keys.ts): the list, and one sweep under it. */
export const sweepKeys = {
  /** GET /api/sweeps; invalidating it covers every sweep too. */
  all: ["sweeps"] as const,
  detail: (id: string) => ["sweeps", id] as const,
};
