import "server-only";
import { env } from "@/lib/env";

/**
 * How many bytes each route reads at most, in one place (the guard refuses more with a 413 before
 * the handler runs: handle-route.ts, read-body.ts). Each is far above the largest valid body, and
 * far below what would cost memory to buffer.
 */
export const BODY_LIMITS = {
  /** Routes that take no body still get `{}` or a small form from some clients; nothing more. */
  none: 1024,
  /** A password and a next path (POST /api/session); a sign-in form is never bigger. */
  signInForm: 16 * 1024,
  /** `{ "favorite": true }` (PATCH /api/images/[id]). */
  imageEdit: 4 * 1024,
  /** A bulk action's imageIds: 500 ids are about 20 KB as JSON (delete, favourite, ZIP). */
  bulkImages: 1024 * 1024,
  /** A new share: its imageIds and a few words (POST /api/shares). */
  shareCreate: 1024 * 1024,
  /** A share's title, description and flags (PATCH /api/shares/[id]). */
  shareEdit: 64 * 1024,
  /** Two caps (PUT /api/settings/caps). */
  settings: 4 * 1024,
  /** `{ "seed": 123 }` or `{ "newSeed": true }` (the sweep re-run routes). */
  sweepRerun: 4 * 1024,
} as const;

/** A generation request carries its images inline as base64: MAX_BODY_BYTES (40 MiB by default). */
export function jobRequestLimit(): number {
  return env().MAX_BODY_BYTES;
}
