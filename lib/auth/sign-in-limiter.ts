/**
 * Sign-in attempts are rate-limited per client address: 5 failures within 15 minutes lock that
 * address out until the oldest failure is 15 minutes old. The address comes from X-Forwarded-For,
 * which a client can forge when no proxy sets it, so all failures together also have a ceiling
 * (30 per 15 minutes): guessing stays slow however the header is rotated. In memory (one process
 * serves the playground); a restart forgets.
 */
import "server-only";

export const MAX_FAILURES = 5;
export const MAX_FAILURES_ALL = 30;
const ALL = "\u0000all";
export const WINDOW_MS = 15 * 60 * 1000;

const g = globalThis as { __novaSignInFailures?: Map<string, number[]> };
const failures = (): Map<string, number[]> => (g.__novaSignInFailures ??= new Map<string, number[]>());

function recent(client: string, now: number): number[] {
  const list = (failures().get(client) ?? []).filter((t) => now - t < WINDOW_MS);
  failures().set(client, list);
  return list;
}

/** Seconds until this client may try again, or 0. */
export function lockedForSeconds(client: string, now = Date.now()): number {
  const wait = (list: number[], max: number) => (list.length < max ? 0 : Math.max(1, Math.ceil((list[list.length - max] + WINDOW_MS - now) / 1000)));
  return Math.max(wait(recent(client, now), MAX_FAILURES), wait(recent(ALL, now), MAX_FAILURES_ALL));
}

export function recordFailure(client: string, now = Date.now()): void {
  recent(client, now).push(now);
  recent(ALL, now).push(now);
}

export function recordSuccess(client: string): void {
  failures().delete(client);
}

export function resetSignInLimiterForTests(): void {
  g.__novaSignInFailures = undefined;
}

/** The client's address as the first proxy saw it (X-Forwarded-For), else a single shared bucket. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0].trim() || headers.get("x-real-ip") || "direct";
}
