/**
 * Numeric limits and defaults of Nova Canvas on the gateway (docs/gateway-contract.md §3).
 * Schemas, form fields, the payload builder and the cost estimate all read them from here.
 */
import type { AspectRatio, ControlMode, OutpaintingMode, Quality, SizeScale } from "@/lib/models/nova-canvas/options";

export const MODEL_ID = "amazon-nova-canvas";

export const PROMPT_MAX = 1024;
export const NEGATIVE_PROMPT_MAX = 1024;
/** Bedrock's maskPrompt has the same 1–1024 limit as the prompt. [assumed for the gateway] */
export const MASK_PROMPT_MAX = 1024;

/** The range every source accepts (Bedrock documents up to 2,147,483,646 on some pages). */
export const SEED_MIN = 0;
export const SEED_MAX = 858_993_459;

export const CFG_SCALE_MIN = 1.1;
export const CFG_SCALE_MAX = 10;

export const NUMBER_OF_IMAGES_MIN = 1;
export const NUMBER_OF_IMAGES_MAX = 5;

export const SIMILARITY_STRENGTH_MIN = 0.2;
export const SIMILARITY_STRENGTH_MAX = 1;

export const CONTROL_STRENGTH_MIN = 0;
export const CONTROL_STRENGTH_MAX = 1;

export const COLORS_MIN = 1;
export const COLORS_MAX = 10;

/** IMAGE_VARIATION accepts up to five source images. [assumed] */
export const VARIATION_IMAGES_MIN = 1;
export const VARIATION_IMAGES_MAX = 5;

/**
 * Defaults the contract names. The gateway's cfg_scale default (7.5) differs from Bedrock's
 * (6.5); we follow the gateway and always send the value explicitly so the difference never
 * matters.
 */
export const DEFAULTS = {
  quality: "standard" as Quality,
  number_of_images: 1,
  cfg_scale: 7.5,
  aspect_ratio: "1:1" as AspectRatio,
  size_scale: "small" as SizeScale,
  similarity_strength: 0.7,
  /** Only applied when TEXT_IMAGE has a condition image. */
  control_mode: "CANNY_EDGE" as ControlMode,
  /** Only applied when TEXT_IMAGE has a condition image. */
  control_strength: 0.7,
  outpainting_mode: "DEFAULT" as OutpaintingMode,
} as const;
