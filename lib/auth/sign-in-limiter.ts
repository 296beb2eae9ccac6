/**
 * Slows password guessing without locking the owner out.
 *
 * - Per address: 5 failures within 15 minutes lock that address until the oldest of them is 15
 *   minutes old. The address is the socket's (or, behind TRUST_PROXY, the one the proxy saw:
 *   lib/http/forwarded.ts), so rotating a forged X-Forwarded-For gains nothing.
 * - Under attack from many addresses (30 failures in all within 15 minutes), every address gets
 *   two failures per window instead of five: a botnet's guesses drop to two per machine, while
 *   the owner's one typo still does not lock them out.
 * - The right password from an address that is not locked always passes; there is no global lock.
 * - A browser that signed in before (a valid device cookie, lib/auth/device-cookie.ts) is counted
 *   by itself instead of by address, 5 failures per window: the owner signs in even while someone
 *   guesses from the same network.
 *
 * In memory (one process serves the playground); a restart forgets.
 */
import "server-only";

export const MAX_FAILURES = 5;
/** Failures in all, per window, beyond which each address gets UNDER_ATTACK_MAX_FAILURES. */
export const UNDER_ATTACK_AFTER = 30;
export const UNDER_ATTACK_MAX_FAILURES = 2;
export const WINDOW_MS = 15 * 60 * 1000;

/** Who is trying: the client's address, and the device id when its cookie is valid. */
export interface SignInClient {
  address: string;
  device?: string | null;
}

const ALL = "all";
const g = globalThis as { __novaSignInFailures?: Map<string, number[]> };
const failures = (): Map<string, number[]> => (g.__novaSignInFailures ??= new Map<string, number[]>());

function recent(key: string, now: number): number[] {
  const list = (failures().get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length > 0) failures().set(key, list);
  else failures().delete(key);
  return list;
}

const keyOf = (client: SignInClient) => (client.device ? `device:${client.device}` : `address:${client.address}`);

/** Seconds until this client may try again, or 0. */
export function lockedForSeconds(client: SignInClient, now = Date.now()): number {
  const own = recent(keyOf(client), now);
  const max = client.device || recent(ALL, now).length < UNDER_ATTACK_AFTER ? MAX_FAILURES : UNDER_ATTACK_MAX_FAILURES;
  if (own.length < max) return 0;
  return Math.max(1, Math.ceil((own[own.length - max] + WINDOW_MS - now) / 1000));
}

/** Keys beyond which old ones are swept, so a flood of addresses cannot grow the map for long. */
const SWEEP_ABOVE_KEYS = 10_000;

export function recordFailure(client: SignInClient, now = Date.now()): void {
  // Only the newest failures matter to the rules above, so each list stays short.
  failures().set(keyOf(client), [...recent(keyOf(client), now), now].slice(-MAX_FAILURES));
  failures().set(ALL, [...recent(ALL, now), now].slice(-UNDER_ATTACK_AFTER));
  if (failures().size > SWEEP_ABOVE_KEYS) for (const key of [...failures().keys()]) recent(key, now);
}

export function recordSuccess(client: SignInClient): void {
  failures().delete(keyOf(client));
  failures().delete(`address:${client.address}`);
}

export function resetSignInLimiterForTests(): void {
  g.__novaSignInFailures = undefined;
}
