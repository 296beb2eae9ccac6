import "server-only";
import { isIP } from "node:net";
import { accessPassword } from "@/lib/auth/session";
import { env } from "@/lib/env";

/**
 * Which host names this server answers to. A page on the internet can point its own name at
 * 127.0.0.1 (DNS rebinding) and then read our answers as same-origin; the browser still sends
 * that name in Host, so refusing unknown names closes the hole.
 *
 * - Always: loopback names (localhost, *.localhost, 127.x, ::1), ALLOWED_HOSTS and PUBLIC_URL's host.
 * - With PLAYGROUND_PASSWORD (the server may listen beyond loopback) also any IP address, so the
 *   playground is reachable as http://192.168.1.20:3000 with no setting: rebinding needs a DNS
 *   name, and an address typed as digits is not one.
 */
export function hostNameOf(hostHeader: string | null | undefined): string | null {
  if (!hostHeader) return null;
  const h = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h);
  if (bracketed) return isIP(bracketed[1]) === 6 ? bracketed[1] : null;
  const plain = /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)\.?(?::\d{1,5})?$/.exec(h);
  return plain ? plain[1] : null;
}

function isLoopbackName(name: string): boolean {
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  return name === "::1";
}

function configuredHosts(): string[] {
  const e = env();
  const fromUrl = e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).hostname.replace(/^\[|\]$/g, "").toLowerCase()] : [];
  return [...e.ALLOWED_HOSTS, ...fromUrl];
}

export function isAllowedHost(hostHeader: string | null | undefined): boolean {
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  if (isLoopbackName(name)) return true;
  if (configuredHosts().includes(name)) return true;
  return accessPassword() !== null && isIP(name) !== 0;
}

/** For the 421 message: what the owner can do about it. */
export function describeAllowedHosts(): string {
  const list = ["localhost", "127.0.0.1", "[::1]", ...configuredHosts()];
  return `This playground answers only to ${list.join(", ")}. To serve it under another name, add that name to ALLOWED_HOSTS.`;
}
