import type { ImageValue } from "@/lib/playground-form/draft-types";

/** A measured image value as the image fields produce it, for tests. */
export function fakeImage(width = 512, height = 512, over: Partial<ImageValue> = {}): ImageValue {
  return {
    dataUrl: `data:image/png;base64,iVBOR${width}x${height}`,
    width,
    height,
    format: "png",
    name: "test.png",
    bytes: 1000,
    translucentPixels: 0,
    nonBinaryPixels: 0,
    ...over,
  };
}
