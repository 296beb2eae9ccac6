/**
 * Browser image handling for the input fields: reading, measuring, the upload policy and the
 * one-click fixes. No React here; the pure parts (sniffing, headers, issues, geometry) also run
 * in node and are tested there.
 */
export type { ImageValue, ImageKind, Size } from "@/lib/browser-images/image-value";
export { imageFactsOf, maskFactsOf } from "@/lib/browser-images/image-value";
export { sniffFormat, formatLabel, FORMAT_MIME, type SniffedFormat } from "@/lib/browser-images/sniff-format";
export { readImageHeader, type ImageHeader } from "@/lib/browser-images/image-header";
export { bytesToDataUrl, dataUrlToBytes, dataUrlByteLength } from "@/lib/browser-images/data-url";
export { imageIssues, fixActionsFor, describeImage, formatBytes, type ImageIssue, type FixAction, type ClientFix, type IssueOptions } from "@/lib/browser-images/problems";
export { padPlacement, cropPlacement, downscaleNotice, autoDownscaleSize, chooseEncoding } from "@/lib/browser-images/geometry";
export { decodeImage, ImageLoadError, MAX_SOURCE_BYTES, MAX_DECODE_PIXELS, SVG_REFUSED } from "@/lib/browser-images/load-image";
export { encodeCanvas, valueFromCanvas, JPEG_QUALITY } from "@/lib/browser-images/encode";
export { prepareImage, type PrepareOptions, type PreparedImage } from "@/lib/browser-images/prepare";
export { downscaleToFit, padTo, cropTo, flattenOnto, convertToPng, thresholdMask, resizeMaskTo, applyFix, DEFAULT_PAD_COLOUR, type FixOptions } from "@/lib/browser-images/fixes";
export { loadGalleryImage, imageFromGallery, galleryFileUrl } from "@/lib/browser-images/from-gallery";
export { fetchImageUrl, ownImageId, type FetchedImage } from "@/lib/browser-images/from-url";
export { tintMaskRgba } from "@/lib/browser-images/mask-tint";
export { renderMaskTint } from "@/lib/browser-images/render-mask-tint";
