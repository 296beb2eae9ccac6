import "server-only";
import { env } from "@/lib/env";

/**
 * The security headers of every response, in one place: API responses get them from the route
 * guard (handle-route.ts), pages and share routes from proxy.ts.
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request: Next puts that nonce on
 * its own scripts (it reads it from the request's CSP header, see proxy.ts), and 'strict-dynamic'
 * lets those scripts load the app's chunks; nothing else may run. Images are our own files and
 * the data:/blob: URLs the form and the mask editor make in the browser. Nobody may frame a
 * page (clickjacking), except shared galleries when SHARE_FRAME_ANCESTORS names who may.
 */
const COMMON: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()",
};

function transportHeaders(): Record<string, string> {
  return env().PUBLIC_URL?.startsWith("https:") ? { "strict-transport-security": "max-age=31536000" } : {};
}

/** JSON, images and ZIPs of /api: nothing in them is meant to run, be framed or be loaded by other sites. */
export function apiSecurityHeaders(): Record<string, string> {
  return {
    ...COMMON,
    ...transportHeaders(),
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
  };
}

export interface PageHeaderOptions {
  nonce: string;
  /** A shared gallery (/s/…): framable where SHARE_FRAME_ANCESTORS allows, images loadable by other sites. */
  share: boolean;
  /** `next dev` needs eval for React's debugging aids. */
  development: boolean;
}

export function pageContentSecurityPolicy({ nonce, share, development }: PageHeaderOptions): string {
  const ancestors = share && env().SHARE_FRAME_ANCESTORS.length > 0 ? env().SHARE_FRAME_ANCESTORS.join(" ") : "'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes, and Next inlines a few style tags.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
}

export function pageSecurityHeaders(opts: PageHeaderOptions): Record<string, string> {
  const framable = opts.share && env().SHARE_FRAME_ANCESTORS.length > 0;
  return {
    ...COMMON,
    ...transportHeaders(),
    "content-security-policy": pageContentSecurityPolicy(opts),
    ...(framable ? {} : { "x-frame-options": "DENY" }),
    // Shared images may be shown by other sites (link previews, a blog); private ones may not.
    "cross-origin-resource-policy": opts.share ? "cross-origin" : "same-origin",
  };
}
