import "server-only";
/**
 * The preview image of a share for link unfurls (Open Graph / Twitter): a 1200×630 collage of
 * its first images' thumbnails. Made on request from the stored thumbnails (cheap: at most four
 * 384 px WebPs), so it too stops the moment the share is revoked.
 */
import sharp, { type OverlayOptions } from "sharp";
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

export async function sharePreviewPng(token: string): Promise<Buffer | null> {
  const share = await openShare(token);
  if (!share || share.images.length === 0) return null;
  const count = Math.min(4, share.images.length);
  const layout = tiles(count);
  const parts: OverlayOptions[] = [];
  for (let i = 0; i < count; i++) {
    const file = await sharedImageFile(token, i + 1, "thumb");
    const bytes = file ? await getBlobStore().get(file.key) : null;
    if (!bytes) continue;
    const t = layout[i];
    const input = await sharp(bytes).resize(t.width, t.height, { fit: "cover" }).png().toBuffer();
    parts.push({ input, left: t.left, top: t.top });
  }
  return sharp({ create: { width: W, height: H, channels: 3, background: "#171717" } }).composite(parts).png().toBuffer();
}
