/** Browser-only: draws a mask's red overlay (see mask-tint.ts) onto a visible canvas. */
import { context2d } from "@/lib/browser-images/canvas";
import { dataUrlToBytes } from "@/lib/browser-images/data-url";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { decodeBitmap } from "@/lib/browser-images/load-image";
import { tintMaskRgba } from "@/lib/browser-images/mask-tint";

/** Resolves false when `cancelled()` turned true meanwhile (the mask changed), leaving the canvas alone. */
export async function renderMaskTint(mask: ImageValue, target: HTMLCanvasElement, cancelled: () => boolean): Promise<boolean> {
  const bytes = dataUrlToBytes(mask.dataUrl);
  if (!bytes) return false;
  const bmp = await decodeBitmap(new Blob([bytes as BlobPart]), "mask");
  try {
    if (cancelled()) return false;
    target.width = bmp.width;
    target.height = bmp.height;
    const ctx = context2d(target, { willReadFrequently: true });
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height);
    tintMaskRgba(data.data);
    ctx.putImageData(data, 0, 0);
    return true;
  } finally {
    bmp.close();
  }
}
