import "server-only";
import { env } from "@/lib/env";

/**
 * The origin visitors use, for the absolute URLs a page must carry (Open Graph, Twitter cards).
 * It comes from configuration, never from request headers: a forged Host or X-Forwarded-Host
 * must not put another site's address into a share's preview. PUBLIC_URL when set; otherwise
 * the address the server listens on (a wildcard address becomes "localhost").
 */
export function publicOrigin(): string {
  const e = env();
  if (e.PUBLIC_URL) return e.PUBLIC_URL;
  const host = e.HOST === "0.0.0.0" || e.HOST === "::" || e.HOST === "" ? "localhost" : e.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}`;
}
