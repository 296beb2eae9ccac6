import "server-only";
import sharp, { type Sharp } from "sharp";
import { createSemaphore, type Semaphore } from "@/lib/images/semaphore";

/**
 * Every decode of image bytes we did not make ourselves (inputs at submit, the offline engine's
 * renders, upstream outputs, share collages) goes through here: sharp opened with a pixel limit
 * and `failOn: "truncated"`, run in one of a few process-wide decode slots. The pixel limit
 * bounds one decode; the slots bound how many run at once, so a burst of requests costs a
 * small multiple of one decode instead of one decode each. Header reads (`metadata()`) are
 * not decodes and do not take a slot: they are how the size is known before any decode.
 *
 * Tasks given to `withDecodeSlot` must not call it again (a task waiting for a second slot
 * while holding one could wait forever): wrap the sharp pipeline itself, never a caller.
 */

/** Two decodes at once: the machines this runs on have a few cores, and libvips uses them. */
export const DECODE_SLOTS = 2;

// One semaphore per process, on globalThis: Next.js bundles this module more than once, and the
// in-app offline engine decodes in the same process as the app.
const KEY = Symbol.for("nova-playground.imageDecodeSlots");

function slots(): Semaphore {
  const g = globalThis as { [KEY]?: Semaphore };
  return (g[KEY] ??= createSemaphore(DECODE_SLOTS));
}

export function withDecodeSlot<T>(task: () => Promise<T>): Promise<T> {
  return slots().run(task);
}

/** How busy the decode slots are (for tests and diagnostics). */
export function decodeSlotUse(): { active: number; waiting: number } {
  const s = slots();
  return { active: s.active, waiting: s.waiting };
}

/**
 * sharp on untrusted bytes: refuses (throws) before decoding an image of more than `maxPixels`
 * pixels (width × height as stored), and fails on truncated or corrupt pixel data instead of
 * returning a partly grey image, so a damaged file is an error wherever it is decoded.
 */
export function openUntrusted(bytes: Uint8Array, maxPixels: number): Sharp {
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: "truncated" });
}

/** sharp's error for an image over `limitInputPixels`. */
export function isPixelLimitError(e: unknown): boolean {
  return e instanceof Error && /pixel limit/i.test(e.message);
}
