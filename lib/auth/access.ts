/**
 * Who may reach what when PLAYGROUND_PASSWORD is set: visitors reach shared galleries (their pages
 * and share-scoped images), the probes (health, ready) and the sign-in page; everything else needs
 * a live session. proxy.ts checks pages by the cookie's signature alone (no database there); the API
 * (lib/http/handle-route.ts) and the owner's pages (app/(app)/layout.tsx) also check that the
 * session was not signed out. Without a password everything is open: the server then listens on
 * loopback only and answers only to loopback host names.
 */
import "server-only";
import { hasLiveSession } from "@/lib/auth/session-store";
import { accessPassword, sessionFromCookieHeader, verifySessionValue } from "@/lib/auth/session";
import { ensureServerKeys } from "@/lib/keys/server-keys";

const PUBLIC_PREFIXES = ["/s/", "/_next/static/"];
/**
 * Probes of load balancers and process managers, which hold no session. They are answered without
 * the server's keys too (loading them needs the database): health must answer while the database
 * is still opening, and ready must be able to say that it is down.
 */
const PROBES = new Set(["/api/health", "/api/ready"]);
const PUBLIC_PATHS = new Set(["/sign-in", "/api/session", ...PROBES, "/icon.svg", "/favicon.ico", "/robots.txt"]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

/**
 * proxy.ts: no password, a public path, or a correctly signed, unexpired session cookie. Both
 * checks load the server's keys first (once per process), so nothing behind them signs or opens
 * a value before the keys every instance shares are in memory.
 */
export async function pageAccessAllowed(pathname: string, cookieHeader: string | null): Promise<boolean> {
  await ensureServerKeys();
  const password = accessPassword();
  if (!password || isPublicPath(pathname)) return true;
  return verifySessionValue(sessionFromCookieHeader(cookieHeader), password) !== null;
}

/**
 * Whether the caller may see what the owner sees, whatever the path: no password (the server
 * then listens on loopback only), or a live session. For a public route that tells the owner
 * more than a visitor (GET /api/ready: why it is not ready).
 */
export async function isOwner(cookieHeader: string | null): Promise<boolean> {
  if (!accessPassword()) return true;
  await ensureServerKeys();
  return hasLiveSession(cookieHeader);
}

/** The API: as pageAccessAllowed, and the session must still be live in the database. */
export async function apiAccessAllowed(pathname: string, cookieHeader: string | null): Promise<boolean> {
  if (PROBES.has(pathname)) return true;
  await ensureServerKeys();
  if (!accessPassword() || isPublicPath(pathname)) return true;
  return hasLiveSession(cookieHeader);
}

/**
 * Where to go after signing in: a path on this site only. The value is parsed as a URL against a
 * placeholder origin, exactly as a browser would resolve it (which strips tabs and newlines and
 * reads backslashes as slashes, so `/\t/evil.example` means `//evil.example`); anything that
 * lands on another origin, or carries control characters, becomes "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  const base = "http://next.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
