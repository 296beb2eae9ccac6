import "server-only";
import { createHash } from "node:crypto";

/** Content address of stored bytes (inputs are deduplicated by it). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
