import { createMask, paintBox, paintRoundedBox, type Mask } from "@/lib/emulator/mask";
import type { GarmentClass } from "@/lib/models/nova-canvas/options";

/**
 * Where a garment goes when mask_type is GARMENT, without a body model: a band of the image
 * (fractions of its height), centred horizontally, about half as wide as the image, as a
 * person standing in the frame would wear it. The band's corners are rounded ("contour")
 * unless mask_shape is BOUNDING_BOX.
 */
export interface Band {
  top: number;
  bottom: number;
  /** Width as a fraction of the image width, centred. */
  width: number;
}

export type GarmentFamily = "upper" | "lower" | "full" | "footwear";

const FAMILY_BANDS: Record<GarmentFamily, Band> = {
  upper: { top: 0.2, bottom: 0.55, width: 0.5 },
  lower: { top: 0.45, bottom: 0.9, width: 0.5 },
  full: { top: 0.2, bottom: 0.9, width: 0.5 },
  footwear: { top: 0.85, bottom: 1, width: 0.5 },
};

const CLASS_FAMILY: Record<GarmentClass, GarmentFamily> = {
  UPPER_BODY: "upper", LONG_SLEEVE_SHIRT: "upper", SHORT_SLEEVE_SHIRT: "upper", NO_SLEEVE_SHIRT: "upper", OTHER_UPPER_BODY: "upper",
  LOWER_BODY: "lower", LONG_PANTS: "lower", SHORT_PANTS: "lower", OTHER_LOWER_BODY: "lower",
  FULL_BODY: "full", LONG_DRESS: "full", SHORT_DRESS: "full", FULL_BODY_OUTFIT: "full", OTHER_FULL_BODY: "full",
  FOOTWEAR: "footwear", SHOES: "footwear", BOOTS: "footwear", OTHER_FOOTWEAR: "footwear",
};

/** Specific classes adjust their family's band: sleeves widen it, short garments shorten it. */
const CLASS_TWEAKS: Partial<Record<GarmentClass, Partial<Band>>> = {
  LONG_SLEEVE_SHIRT: { width: 0.62 },
  SHORT_SLEEVE_SHIRT: { width: 0.56 },
  NO_SLEEVE_SHIRT: { width: 0.44 },
  SHORT_PANTS: { bottom: 0.68 },
  SHORT_DRESS: { bottom: 0.7 },
  BOOTS: { top: 0.75 },
};

export interface GarmentStyling {
  long_sleeve_style?: "SLEEVE_DOWN" | "SLEEVE_UP";
  tucking_style?: "UNTUCKED" | "TUCKED";
  outer_layer_style?: "CLOSED" | "OPEN";
  mask_shape?: "CONTOUR" | "BOUNDING_BOX" | "DEFAULT";
}

export function garmentFamily(garmentClass: GarmentClass): GarmentFamily {
  return CLASS_FAMILY[garmentClass];
}

export function garmentBand(garmentClass: GarmentClass, styling: GarmentStyling = {}): Band {
  const band = { ...FAMILY_BANDS[CLASS_FAMILY[garmentClass]], ...CLASS_TWEAKS[garmentClass] };
  // Rolled-up sleeves leave the forearms bare; a tucked top ends at the waist.
  if (styling.long_sleeve_style === "SLEEVE_UP" && garmentClass === "LONG_SLEEVE_SHIRT") band.width -= 0.08;
  if (styling.tucking_style === "TUCKED" && CLASS_FAMILY[garmentClass] === "upper") band.bottom = 0.5;
  return band;
}

/** Paints a band into a mask of the image's size. */
export function paintBand(m: Mask, band: Band, shape: GarmentStyling["mask_shape"]): void {
  const box = {
    x0: m.width * (0.5 - band.width / 2),
    x1: m.width * (0.5 + band.width / 2),
    y0: m.height * band.top,
    y1: m.height * band.bottom,
  };
  if (shape === "BOUNDING_BOX") paintBox(m, box, 1);
  else paintRoundedBox(m, box, Math.min(box.x1 - box.x0, box.y1 - box.y0) * 0.25, 1);
}

export function garmentMask(width: number, height: number, garmentClass: GarmentClass, styling: GarmentStyling = {}): Mask {
  const m = createMask(width, height);
  const band = garmentBand(garmentClass, styling);
  paintBand(m, band, styling.mask_shape);
  // An open jacket or shirt shows what is under it: a centre strip stays as it was.
  const family = CLASS_FAMILY[garmentClass];
  if (styling.outer_layer_style === "OPEN" && (family === "upper" || family === "full")) {
    const strip = width * band.width * 0.1;
    paintBox(m, { x0: width / 2 - strip / 2, x1: width / 2 + strip / 2, y0: 0, y1: height }, 0);
  }
  return m;
}
