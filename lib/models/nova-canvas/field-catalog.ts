/**
 * One FieldSpec per parameter name, written once. fields.ts picks from here per task and
 * overrides what differs (a label, `required`, the help text). Limits and defaults come from
 * limits.ts, so the form can never disagree with the schema.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import { STYLE_LABELS } from "@/lib/models/nova-canvas/style-labels";
import * as L from "@/lib/models/nova-canvas/limits";
import * as O from "@/lib/models/nova-canvas/options";

const select = (options: readonly string[]) => ({ kind: "select" as const, options });

export const FIELD_CATALOG: Record<string, FieldSpec> = {
  prompt: {
    name: "prompt", label: "Prompt", kind: "prompt", max: L.PROMPT_MAX, group: "prompt",
    help: "Describe the image as a caption would: subject, setting, light, style. Up to 1,024 characters.",
  },
  negative_prompt: {
    name: "negative_prompt", label: "Negative prompt", kind: "prompt", max: L.NEGATIVE_PROMPT_MAX, group: "prompt",
    help: "What to keep out of the image, listed plainly (write \"text, blur\", not \"no text\"). Optional.",
  },
  image: { name: "image", label: "Image", kind: "image", group: "input", help: "A PNG or JPEG, 320–4,096 px a side." },
  images: {
    name: "images", label: "Source images", kind: "images", group: "input",
    min: L.VARIATION_IMAGES_MIN, max: L.VARIATION_IMAGES_MAX,
    help: "One to five images whose look the variations keep.",
  },
  reference_image: { name: "reference_image", label: "Reference image", kind: "image", group: "input", help: "A PNG or JPEG." },
  mask_image: {
    name: "mask_image", label: "Mask", kind: "image", group: "mask",
    help: "Paint the area to change. It must be exactly the image's size.",
  },
  mask_prompt: {
    name: "mask_prompt", label: "Mask prompt", kind: "text", max: L.MASK_PROMPT_MAX, group: "mask",
    help: "Name the area in words instead of painting it, e.g. \"the sofa\".",
  },
  inpaint_mask_prompt: {
    name: "inpaint_mask_prompt", label: "Inpaint mask prompt", kind: "text", max: L.MASK_PROMPT_MAX, group: "mask",
    help: "Another name for the mask prompt; use one or the other.",
  },
  style: {
    name: "style", label: "Style", ...select(O.STYLES), group: "advanced",
    optionLabels: Object.fromEntries(O.STYLES.map((s) => [s, STYLE_LABELS[s].label])),
    help: "A preset visual style. Leave empty to let the prompt decide.",
  },
  control_mode: {
    name: "control_mode", label: "Control mode", ...select(O.CONTROL_MODES), group: "input", default: L.DEFAULTS.control_mode,
    optionLabels: { CANNY_EDGE: "Edges (Canny)", SEGMENTATION: "Segmentation" },
    help: "Follow the condition image's edges, or its layout of regions.",
  },
  control_strength: {
    name: "control_strength", label: "Control strength", kind: "slider", group: "input",
    min: L.CONTROL_STRENGTH_MIN, max: L.CONTROL_STRENGTH_MAX, step: 0.05, default: L.DEFAULTS.control_strength,
    help: "How closely to follow the condition image (0 = loosely, 1 = strictly).",
  },
  similarity_strength: {
    name: "similarity_strength", label: "Similarity", kind: "slider", group: "input",
    min: L.SIMILARITY_STRENGTH_MIN, max: L.SIMILARITY_STRENGTH_MAX, step: 0.05, default: L.DEFAULTS.similarity_strength,
    help: "How close the variations stay to the sources (0.2 = loosely, 1 = very close).",
  },
  colors: {
    name: "colors", label: "Colours", kind: "colors", group: "input", min: L.COLORS_MIN, max: L.COLORS_MAX,
    help: "One to ten colours (#RRGGBB) the image should be made of.",
  },
  outpainting_mode: {
    name: "outpainting_mode", label: "Outpainting mode", ...select(O.OUTPAINTING_MODES), group: "mask",
    default: L.DEFAULTS.outpainting_mode, optionLabels: { DEFAULT: "Default (blend the edge)", PRECISE: "Precise (keep the mask edge exact)" },
    help: "Precise keeps the masked subject pixel-exact; Default lets its edge blend into the new surroundings.",
  },
  aspect_ratio: {
    name: "aspect_ratio", label: "Aspect ratio", ...select(O.ASPECT_RATIOS), group: "output", default: L.DEFAULTS.aspect_ratio,
    help: "Width to height of the output. The pixel size depends on the size too.",
  },
  size_scale: {
    name: "size_scale", label: "Size", ...select(O.SIZE_SCALES), group: "output", default: L.DEFAULTS.size_scale,
    optionLabels: { small: "Small (long side 1,024 px)", large: "Large (long side 2,048 px)" },
    help: "Large outputs cost more per image.",
  },
  quality: {
    name: "quality", label: "Quality", ...select(O.QUALITIES), group: "output", default: L.DEFAULTS.quality,
    optionLabels: { standard: "Standard", premium: "Premium" },
    help: "Premium renders more detail and costs more per image.",
  },
  number_of_images: {
    name: "number_of_images", label: "Images", kind: "number", group: "output",
    min: L.NUMBER_OF_IMAGES_MIN, max: L.NUMBER_OF_IMAGES_MAX, step: 1, default: L.DEFAULTS.number_of_images,
    help: "How many images to make (1–5). Each one is billed.",
  },
  cfg_scale: {
    name: "cfg_scale", label: "Prompt strength (CFG)", kind: "slider", group: "advanced",
    min: L.CFG_SCALE_MIN, max: L.CFG_SCALE_MAX, step: 0.1, default: L.DEFAULTS.cfg_scale,
    help: "How strictly to follow the prompt (1.1–10). Higher is more literal, lower more varied.",
  },
  seed: {
    name: "seed", label: "Seed", kind: "seed", group: "advanced", min: L.SEED_MIN, max: L.SEED_MAX, step: 1,
    help: "The same seed with the same settings gives the same image. Empty = a random one each run.",
  },
};
