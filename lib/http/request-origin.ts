import "server-only";
import { headers } from "next/headers";

/**
 * The origin the visitor used (for absolute URLs in Open Graph tags, which must be absolute).
 * Behind a proxy, X-Forwarded-Proto/Host say what the visitor typed.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "127.0.0.1";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("127.0.0.1") || host.startsWith("localhost") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
