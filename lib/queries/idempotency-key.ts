/**
 * A fresh Idempotency-Key for one Run press (a v4 UUID). crypto.randomUUID exists only in a
 * secure context (https, localhost, 127.0.0.1); the playground opened over plain http at a LAN
 * address has crypto.getRandomValues only, so the UUID is built from that there.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
