/**
 * Every closed option list of Amazon Nova Canvas, as readonly tuples so that zod enums, form
 * selects and TypeScript unions all come from the same spelling. Names follow the gateway
 * contract (docs/gateway-contract.md §3); the [assumed] lists follow Bedrock's names 1:1.
 */

/** Nova Canvas offers every task type the app knows. */
export { TASK_TYPES, type TaskType } from "@/lib/models/task-types";

/** [assumed] The gateway page does not list styles; these are Bedrock's. */
export const STYLES = [
  "3D_ANIMATED_FAMILY_FILM",
  "DESIGN_SKETCH",
  "FLAT_VECTOR_ILLUSTRATION",
  "GRAPHIC_NOVEL_ILLUSTRATION",
  "MAXIMALISM",
  "MIDCENTURY_RETRO",
  "PHOTOREALISM",
  "SOFT_DIGITAL_PAINTING",
] as const;
export type Style = (typeof STYLES)[number];

export const ASPECT_RATIOS = [
  "1:1", "3:4", "2:3", "9:16", "1:2", "1:3", "1:4", "4:3", "3:2", "16:9", "2:1", "3:1", "4:1",
] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const SIZE_SCALES = ["small", "large"] as const;
export type SizeScale = (typeof SIZE_SCALES)[number];

export const QUALITIES = ["standard", "premium"] as const;
export type Quality = (typeof QUALITIES)[number];

export const CONTROL_MODES = ["CANNY_EDGE", "SEGMENTATION"] as const;
export type ControlMode = (typeof CONTROL_MODES)[number];

export const OUTPAINTING_MODES = ["DEFAULT", "PRECISE"] as const;
export type OutpaintingMode = (typeof OUTPAINTING_MODES)[number];

export const MASK_TYPES = ["IMAGE", "GARMENT", "PROMPT"] as const;
export type MaskType = (typeof MASK_TYPES)[number];

export const GARMENT_CLASSES = [
  "UPPER_BODY",
  "LOWER_BODY",
  "FULL_BODY",
  "FOOTWEAR",
  "LONG_SLEEVE_SHIRT",
  "SHORT_SLEEVE_SHIRT",
  "NO_SLEEVE_SHIRT",
  "OTHER_UPPER_BODY",
  "LONG_PANTS",
  "SHORT_PANTS",
  "OTHER_LOWER_BODY",
  "LONG_DRESS",
  "SHORT_DRESS",
  "FULL_BODY_OUTFIT",
  "OTHER_FULL_BODY",
  "SHOES",
  "BOOTS",
  "OTHER_FOOTWEAR",
] as const;
export type GarmentClass = (typeof GARMENT_CLASSES)[number];

export const MASK_SHAPES = ["CONTOUR", "BOUNDING_BOX", "DEFAULT"] as const;
export type MaskShape = (typeof MASK_SHAPES)[number];

export const LONG_SLEEVE_STYLES = ["SLEEVE_DOWN", "SLEEVE_UP"] as const;
export type LongSleeveStyle = (typeof LONG_SLEEVE_STYLES)[number];

export const TUCKING_STYLES = ["UNTUCKED", "TUCKED"] as const;
export type TuckingStyle = (typeof TUCKING_STYLES)[number];

export const OUTER_LAYER_STYLES = ["CLOSED", "OPEN"] as const;
export type OuterLayerStyle = (typeof OUTER_LAYER_STYLES)[number];

export const PRESERVE_OPTIONS = ["ON", "OFF", "DEFAULT"] as const;
export type PreserveOption = (typeof PRESERVE_OPTIONS)[number];

export const MERGE_STYLES = ["BALANCED", "SEAMLESS", "DETAILED"] as const;
export type MergeStyle = (typeof MERGE_STYLES)[number];
