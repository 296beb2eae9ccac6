import "server-only";
/**
 * The preview image of a share for link unfurls (Open Graph / Twitter): a 1200×630 collage of
 * its first images' thumbnails. The share is checked on every request, so the preview too stops
 * the moment the share is revoked; the collage itself is kept in memory by the bytes of the thumbnails
 * it is made of (a link pasted in a busy channel is fetched by every client that unfurls it).
 */
import { createHash } from "node:crypto";
import sharp, { type OverlayOptions } from "sharp";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import { THUMB_MAX_SIDE } from "@/lib/images/thumbnail";
import { openShare, sharedImageFile } from "@/lib/shares/share-service";
import { getBlobStore } from "@/lib/storage";

const W = 1200;
const H = 630;
const GAP = 8;

/** Tiles for 1–4 images: one large, two halves, one half + two quarters, or four quarters. */
function tiles(count: number): { left: number; top: number; width: number; height: number }[] {
  const halfW = (W - GAP) / 2;
  const halfH = (H - GAP) / 2;
  const r = (left: number, top: number, width: number, height: number) => ({ left: Math.round(left), top: Math.round(top), width: Math.round(width), height: Math.round(height) });
  if (count <= 1) return [r(0, 0, W, H)];
  if (count === 2) return [r(0, 0, halfW, H), r(halfW + GAP, 0, halfW, H)];
  if (count === 3) return [r(0, 0, halfW, H), r(halfW + GAP, 0, halfW, halfH), r(halfW + GAP, halfH + GAP, halfW, halfH)];
  return [r(0, 0, halfW, halfH), r(halfW + GAP, 0, halfW, halfH), r(0, halfH + GAP, halfW, halfH), r(halfW + GAP, halfH + GAP, halfW, halfH)];
}

/** Collages by the thumbnail keys they show, least recently used first. */
const made = new Map<string, Buffer>();
const MADE_MAX = 64;

/**
 * The thumbnails are our own WebPs (at most 384 px a side) but are still decoded like any image
 * from disk: within that size, in a decode slot. One that does not decode leaves its tile empty
 * rather than taking the preview down.
 */
async function collage(count: number, thumbs: (Buffer | null)[]): Promise<Buffer> {
  const layout = tiles(count);
  const parts: OverlayOptions[] = [];
  for (const [i, bytes] of thumbs.entries()) {
    if (!bytes) continue;
    const t = layout[i];
    try {
      const input = await openUntrusted(bytes, THUMB_MAX_SIDE * THUMB_MAX_SIDE).resize(t.width, t.height, { fit: "cover" }).png().toBuffer();
      parts.push({ input, left: t.left, top: t.top });
    } catch {
      // An empty tile (see above).
    }
  }
  return sharp({ create: { width: W, height: H, channels: 3, background: "#171717" } }).composite(parts).png().toBuffer();
}

export async function sharePreviewPng(token: string): Promise<Buffer | null> {
  const share = await openShare(token);
  if (!share || share.images.length === 0) return null;
  const count = Math.min(4, share.images.length);
  const files = await Promise.all(Array.from({ length: count }, (_, i) => sharedImageFile(token, i + 1, "thumb")));
  const thumbs = await Promise.all(files.map((f) => (f ? getBlobStore().get(f.key) : null)));
  // Keyed by the thumbnails' bytes: reading four small WebPs is cheap, resizing them is not.
  const hash = createHash("sha256");
  for (const t of thumbs) hash.update(t ? t : "-").update("|");
  const key = hash.digest("base64url");
  const cached = made.get(key);
  if (cached) {
    made.delete(key);
    made.set(key, cached);
    return cached;
  }
  const png = await withDecodeSlot(() => collage(count, thumbs));
  made.set(key, png);
  if (made.size > MADE_MAX) made.delete(made.keys().next().value as string);
  return png;
}
