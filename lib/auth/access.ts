/**
 * Who may reach what when PLAYGROUND_PASSWORD is set: visitors reach shared galleries (their pages
 * and share-scoped images), the health check, and the sign-in page; everything else needs a valid
 * session. Used by proxy.ts for every request and again by route handlers (defence in depth: a
 * route must not depend on the proxy's matcher being right).
 */
import "server-only";
import { accessPassword, isValidSessionValue, sessionFromCookieHeader } from "@/lib/auth/session";

const PUBLIC_PREFIXES = ["/s/", "/_next/static/", "/_next/image"];
const PUBLIC_PATHS = new Set(["/sign-in", "/api/session", "/api/health", "/icon.svg", "/favicon.ico", "/robots.txt"]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

/** True when the request may proceed: no password set, a public path, or a valid session. */
export function requestAllowed(pathname: string, cookieHeader: string | null): boolean {
  const password = accessPassword();
  if (!password || isPublicPath(pathname)) return true;
  return isValidSessionValue(sessionFromCookieHeader(cookieHeader), password);
}

/** Where to go after signing in: a path on this site only (never `//evil.example`). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
