/**
 * "This browser has signed in here before": `nova_device=<id>.<hmac>`, set at every successful
 * sign-in for a year. It grants nothing by itself; it only lets the sign-in limiter count this
 * browser's failures apart from its address's (lib/auth/sign-in-limiter.ts), so an attacker
 * guessing from the owner's network (or a whole botnet) cannot lock the owner out. OWASP calls
 * this a device cookie. Signed with a server secret (not the password), so it survives a
 * password change, and a forged one is simply ignored.
 */
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { serverKey } from "@/lib/keys/server-keys";

export const DEVICE_COOKIE = "nova_device";
export const DEVICE_DAYS = 365;

const mac = (id: string) => createHmac("sha256", serverKey("device")).update(`device.${id}`).digest("base64url");

export function newDeviceValue(): string {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${mac(id)}`;
}

/** The device id of a correctly signed value, else null. */
export function verifyDeviceValue(value: string | undefined): string | null {
  const m = value ? /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!m) return null;
  const given = Buffer.from(m[2]);
  const expected = Buffer.from(mac(m[1]));
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[1] : null;
}
