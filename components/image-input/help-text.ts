import { INPUT_IMAGE_LIMITS } from "@/lib/models";
import type { ImageKind } from "@/lib/browser-images";

const L = INPUT_IMAGE_LIMITS;

/** The file picker's filter; WebP is offered because it gets a one-click "Convert to PNG". */
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp";

/** What the field accepts, in one line (shown inside the empty drop zone). */
export function acceptsText(kind: ImageKind): string {
  return kind === "mask"
    ? "Black-and-white PNG, the same size as the image (white = change)"
    : `PNG or JPEG · ${L.minSide}–${L.maxSide} px a side · up to ${L.maxPixels.toLocaleString("en-US")} px · larger photos are downscaled`;
}

/**
 * How to get an image in, paste included: Ctrl/Cmd+V works while focus is inside the field or
 * the pointer is over it (and focus is not in some other text box), so a paste never lands in
 * a field the user was not looking at.
 */
export const SOURCES_HELP =
  "Drop a file, choose one, pick from the gallery, enter a URL, or paste with Ctrl+V (⌘V on Mac) while this field is focused or under the pointer.";

export function helpText(help: string | undefined): string {
  return help ? `${help} ${SOURCES_HELP}` : SOURCES_HELP;
}
