import {
  ASPECT_RATIOS,
  CFG_SCALE_MAX,
  CFG_SCALE_MIN,
  CONTROL_MODES,
  DEFAULT_TASK_TYPE,
  DEFAULTS,
  LONG_SIDE,
  NEGATIVE_PROMPT_MAX,
  novaCanvas,
  RATE_CARD,
  NUMBER_OF_IMAGES_MAX,
  NUMBER_OF_IMAGES_MIN,
  PROMPT_MAX,
  QUALITIES,
  SEED_MAX,
  SEED_MIN,
  SIMILARITY_STRENGTH_MAX,
  SIMILARITY_STRENGTH_MIN,
  SIZE_SCALES,
  STYLES,
  TASK_TYPES,
  VARIATION_IMAGES_MAX,
  type PriceTier,
  type Quality,
} from "@/lib/models";
import type { WireModelDetail, WireParameter, WirePricingRow } from "@/lib/models/catalog";

/**
 * The playground's first model as the engine's catalog describes it, built from its model
 * definition in lib/models (id, label, retirement date, rate card, limits) so the two cannot
 * disagree. Deprecated, retiring on its announced date (contract §6). The catalog lists the
 * main parameters with the task types they apply to; the model's own schemas stay the rule.
 */
const tasks = (...t: string[]) => ({ task_type: t });
const GENERATING = TASK_TYPES.filter((t) => t !== "BACKGROUND_REMOVAL");
const SIZED = ["TEXT_IMAGE", "IMAGE_VARIATION", "COLOR_GUIDED_GENERATION"];

const PARAMETERS: WireParameter[] = [
  { name: "task_type", type: "enum", enum: [...TASK_TYPES], default: DEFAULT_TASK_TYPE },
  { name: "prompt", type: "string", max_length: PROMPT_MAX, conditions: tasks(...GENERATING) },
  { name: "negative_prompt", type: "string", max_length: NEGATIVE_PROMPT_MAX, conditions: tasks(...GENERATING) },
  {
    name: "number_of_images",
    type: "integer",
    range: { min: NUMBER_OF_IMAGES_MIN, max: NUMBER_OF_IMAGES_MAX },
    default: DEFAULTS.number_of_images,
    conditions: tasks(...GENERATING),
  },
  { name: "quality", type: "enum", enum: [...QUALITIES], default: DEFAULTS.quality, conditions: tasks(...GENERATING) },
  { name: "aspect_ratio", type: "enum", enum: [...ASPECT_RATIOS], default: DEFAULTS.aspect_ratio, conditions: tasks(...SIZED) },
  { name: "size_scale", type: "enum", enum: [...SIZE_SCALES], default: DEFAULTS.size_scale, conditions: tasks(...SIZED) },
  { name: "cfg_scale", type: "number", range: { min: CFG_SCALE_MIN, max: CFG_SCALE_MAX }, default: DEFAULTS.cfg_scale, conditions: tasks(...GENERATING) },
  { name: "seed", type: "integer", range: { min: SEED_MIN, max: SEED_MAX }, conditions: tasks(...GENERATING) },
  { name: "style", type: "enum", enum: [...STYLES], conditions: tasks("TEXT_IMAGE") },
  { name: "control_mode", type: "enum", enum: [...CONTROL_MODES], default: DEFAULTS.control_mode, conditions: tasks("TEXT_IMAGE") },
  { name: "image", type: "image" },
  { name: "images", type: "array", items: { type: "image" }, max_items: VARIATION_IMAGES_MAX, conditions: tasks("IMAGE_VARIATION") },
  {
    name: "similarity_strength",
    type: "number",
    range: { min: SIMILARITY_STRENGTH_MIN, max: SIMILARITY_STRENGTH_MAX },
    default: DEFAULTS.similarity_strength,
    conditions: tasks("IMAGE_VARIATION"),
  },
  { name: "reference_image", type: "image", conditions: tasks("COLOR_GUIDED_GENERATION", "VIRTUAL_TRY_ON") },
  { name: "mask_image", type: "image", conditions: tasks("INPAINTING", "OUTPAINTING", "VIRTUAL_TRY_ON") },
  { name: "mask_prompt", type: "string", max_length: PROMPT_MAX, conditions: tasks("INPAINTING", "OUTPAINTING", "VIRTUAL_TRY_ON") },
  { name: "colors", type: "array", items: { type: "string" }, max_items: 10, conditions: tasks("COLOR_GUIDED_GENERATION") },
];

/** One row per tier and quality, from the rate card; the tier is the output's pixel count (contract §4). */
function pricingRows(): WirePricingRow[] {
  const { perImageMicros, smallTierMaxPixels } = RATE_CARD;
  return (Object.keys(perImageMicros) as PriceTier[]).flatMap((tier) =>
    (Object.keys(perImageMicros[tier]) as Quality[]).map((quality) => ({
      unit: "image" as const,
      price: perImageMicros[tier][quality] / 1_000_000,
      currency: "USD" as const,
      billed_on: "returned_images" as const,
      conditions: { quality: [quality], size_tier: [tier] },
      description: `${tier}: ${tier === "small" ? "at most" : "more than"} ${smallTierMaxPixels.toLocaleString("en-US")} output pixels`,
    })),
  );
}

export function firstModelDetail(): WireModelDetail {
  return {
    id: novaCanvas.id,
    object: "model",
    display_name: novaCanvas.label,
    owned_by: "amazon",
    description: "Image generation and editing in seven task types: text to image, variation, inpainting, outpainting, colour-guided, background removal, virtual try-on.",
    status: "deprecated",
    input_modalities: ["text", "image"],
    output_modalities: ["image"],
    endpoint: "/v1/images/generations",
    capabilities: ["text-to-image", "image-editing", "image-variation", "inpainting", "outpainting", "background-removal", "virtual-try-on"],
    // [assumed, contract §6] The gateway says "deprecated" without a date for it.
    deprecation_date: null,
    retirement_date: novaCanvas.lifecycle.retiresOn,
    served_from: ["us-east-1"],
    max_output_pixels: LONG_SIDE.large * LONG_SIDE.large,
    supported_parameters: PARAMETERS,
    pricing_rows: pricingRows(),
  };
}
