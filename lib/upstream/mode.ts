import "server-only";
import { env } from "@/lib/env";

export type UpstreamMode = "offline" | "gateway";

/** With no API key the built-in offline engine serves; images are synthesised locally. */
export function getUpstreamMode(): UpstreamMode {
  return env().EMPIRIOLABS_API_KEY ? "gateway" : "offline";
}
