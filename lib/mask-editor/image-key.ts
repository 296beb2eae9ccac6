/**
 * A stable key for an image's bytes, so a painted mask follows the image (not the form field or
 * the task) and comes back when the same image is added again, after a reload too.
 *
 * Two 32-bit FNV-1a hashes of the data URL plus its size: synchronous and fast (about 30 ms for
 * a 10 MB data URL), and it works where crypto.subtle does not (plain http on a LAN address).
 * Collisions would need two images of the same size and length with both hashes equal.
 */
import type { ImageValue } from "@/lib/browser-images/image-value";

const cache = new WeakMap<object, string>();

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function imageKeyOf(image: Pick<ImageValue, "dataUrl" | "width" | "height">): string {
  const hit = cache.get(image);
  if (hit) return hit;
  const text = image.dataUrl;
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv1a(text, 0x9747b28c).toString(16).padStart(8, "0");
  const key = `${image.width}x${image.height}-${text.length.toString(36)}-${a}${b}`;
  cache.set(image, key);
  return key;
}
