/**
 * Browser image handling for the input fields: reading, measuring, the upload policy and the
 * one-click fixes. No React here; the pure parts (sniffing, headers, issues, geometry) also run
 * in node and are tested there.
 */
export type { ImageValue, ImageKind, Size } from "@/lib/client/images/image-value";
export { imageFactsOf, maskFactsOf } from "@/lib/client/images/image-value";
export { sniffFormat, formatLabel, FORMAT_MIME, type SniffedFormat } from "@/lib/client/images/sniff-format";
export { readImageHeader, type ImageHeader } from "@/lib/client/images/image-header";
export { bytesToDataUrl, dataUrlToBytes, dataUrlByteLength } from "@/lib/client/images/data-url";
export { imageIssues, fixActionsFor, describeImage, formatBytes, type ImageIssue, type FixAction, type ClientFix, type IssueOptions } from "@/lib/client/images/problems";
export { padPlacement, cropPlacement, downscaleNotice, autoDownscaleSize, chooseEncoding } from "@/lib/client/images/geometry";
export { decodeImage, ImageLoadError, MAX_SOURCE_BYTES, MAX_DECODE_PIXELS, SVG_REFUSED } from "@/lib/client/images/load-image";
export { encodeCanvas, valueFromCanvas, JPEG_QUALITY } from "@/lib/client/images/encode";
export { prepareImage, type PrepareOptions, type PreparedImage } from "@/lib/client/images/prepare";
export { downscaleToFit, padTo, cropTo, flattenOnto, convertToPng, thresholdMask, resizeMaskTo, applyFix, DEFAULT_PAD_COLOUR, type FixOptions } from "@/lib/client/images/fixes";
export { loadGalleryImage, imageFromGallery, galleryFileUrl } from "@/lib/client/images/from-gallery";
export { fetchImageUrl, ownImageId, type FetchedImage } from "@/lib/client/images/from-url";
export { tintMaskRgba } from "@/lib/client/images/mask-tint";
export { renderMaskTint } from "@/lib/client/images/render-mask-tint";
