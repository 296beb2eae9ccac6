import type { ImgHTMLAttributes } from "react";

/**
 * Our images are already sized (thumbnails are made on upload), so next/image's optimiser would
 * only add a second copy; a plain <img> with explicit size avoids layout shift.
 */
export function PlainImg({ alt, ...props }: ImgHTMLAttributes<HTMLImageElement> & { alt: string }) {
  // eslint-disable-next-line @next/next/no-img-element
  return <img loading="lazy" decoding="async" alt={alt} {...props} />;
}
