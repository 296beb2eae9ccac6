/**
 * Sliding-window limit per key: at most `limit` accepted requests in any 60 s. Rejected
 * requests are not counted, so a client that honours Retry-After gets through when told.
 */
const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number) {}

  take(key: string, now = Date.now()): RateDecision {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      // The oldest hit leaves the window first; that is when one more request fits.
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((list[0] + WINDOW_MS - now) / 1000)) };
    }
    list.push(now);
    this.hits.set(key, list);
    return { ok: true };
  }

  /** Forgets idle keys so a long-running engine does not grow with every key it has seen. */
  sweep(now = Date.now()): void {
    for (const [key, list] of this.hits) if (list.every((t) => now - t >= WINDOW_MS)) this.hits.delete(key);
  }
}
