import type { WireModelDetail, WireParameter } from "@/lib/models/catalog";

/**
 * The gateway's other models, as the offline engine describes them in its catalog (contract
 * §7). The figures are the gateway's documented ones ([doc]); how they are spelled as JSON is
 * [assumed, contract §7] (catalog-wire.ts). This is the one engine file that names these models:
 * everything else takes them from here.
 */
export const FLUX_KLEIN_ID = "flux-2-klein-4b";
export const SEEDREAM_LITE_ID = "seedream-5-0-lite";
/** A chat model, listed so that clients must filter the catalog by output modality. */
export const CHAT_MODEL_ID = "deepseek-v3-2";

/** An image model the engine can run: its catalog entry and how many pixels an output gets. */
export interface EngineImageModel {
  detail: WireModelDetail;
  /** The output's pixel budget for a validated request (sizes follow aspect_ratio within it). */
  pixelBudget: (params: Record<string, unknown>) => number;
}

/** [assumed, contract §7] Neither page gives a prompt limit; 2,000 characters is common. */
const PROMPT_MAX = 2000;
/** [assumed, contract §7] int32 seeds, the usual range of these providers' APIs. */
const SEED_MAX = 2_147_483_647;
const ASPECTS = ["1:1", "4:3", "3:4", "16:9", "9:16", "3:2", "2:3", "21:9", "9:21"];

const prompt: WireParameter = { name: "prompt", type: "string", required: true, max_length: PROMPT_MAX, description: "What to draw" };
const seed: WireParameter = { name: "seed", type: "integer", range: { min: 0, max: SEED_MAX }, default: null, description: "Same seed and request, same images" };
const aspectRatio: WireParameter = { name: "aspect_ratio", type: "enum", enum: ASPECTS, default: "1:1" };
const numImages = (max: number): WireParameter => ({ name: "num_images", type: "integer", range: { min: 1, max }, default: 1 });
const perImage = (price: number) => [{ unit: "image" as const, price, currency: "USD" as const, billed_on: "returned_images" as const }];

const imageModelBase: Pick<WireModelDetail, "object" | "status" | "output_modalities" | "endpoint" | "deprecation_date" | "retirement_date"> = {
  object: "model",
  status: "active",
  output_modalities: ["image"],
  endpoint: "/v1/images/generations",
  deprecation_date: null,
  retirement_date: null,
};

const FLUX_MAX_PIXELS = 1_048_576;

const flux: EngineImageModel = {
  detail: {
    ...imageModelBase,
    id: FLUX_KLEIN_ID,
    display_name: "FLUX.2 [klein] 4B",
    owned_by: "black-forest-labs",
    description: "Fast text-to-image model: up to four images per request, at most one megapixel each.",
    input_modalities: ["text"],
    capabilities: ["text-to-image"],
    served_from: ["eu-central-1"],
    max_output_pixels: FLUX_MAX_PIXELS,
    supported_parameters: [
      prompt,
      { name: "negative_prompt", type: "string", max_length: PROMPT_MAX, ignored: true, description: "Accepted and ignored" },
      numImages(4),
      aspectRatio,
      { name: "resolution", type: "string", description: "WxH in pixels, sides multiples of 16, at most 1,048,576 px; instead of aspect_ratio" },
      seed,
    ],
    pricing_rows: perImage(0.0085),
  },
  pixelBudget: () => FLUX_MAX_PIXELS,
};

/** [assumed, contract §7] 2K and 3K read as a square's side: 2048² and 3072² pixels. */
const SEEDREAM_PIXELS: Record<string, number> = { "2K": 2048 * 2048, "3K": 3072 * 3072 };

const seedream: EngineImageModel = {
  detail: {
    ...imageModelBase,
    id: SEEDREAM_LITE_ID,
    display_name: "Seedream 5.0 Lite",
    owned_by: "bytedance",
    description: "Text to image, and editing by instruction with up to 14 reference images.",
    input_modalities: ["text", "image"],
    capabilities: ["text-to-image", "image-editing"],
    served_from: ["ap-southeast-1"],
    max_output_pixels: SEEDREAM_PIXELS["3K"],
    supported_parameters: [
      prompt,
      numImages(4),
      aspectRatio,
      { name: "quality", type: "enum", enum: ["2K", "3K"], default: "2K" },
      seed,
      {
        name: "image",
        type: "array",
        items: { type: "image" },
        min_items: 1,
        max_items: 14,
        description: "Reference images to edit or draw from: public URLs or data: URIs",
      },
    ],
    pricing_rows: perImage(0.035),
  },
  pixelBudget: (params) => SEEDREAM_PIXELS[String(params.quality ?? "2K")] ?? SEEDREAM_PIXELS["2K"],
};

export const ENGINE_IMAGE_MODELS: readonly EngineImageModel[] = [flux, seedream];

export function engineImageModel(id: unknown): EngineImageModel | undefined {
  return ENGINE_IMAGE_MODELS.find((m) => m.detail.id === id);
}

export const CHAT_MODEL: WireModelDetail = {
  id: CHAT_MODEL_ID,
  object: "model",
  display_name: "DeepSeek V3.2",
  owned_by: "deepseek",
  description: "Chat model (text in, text out); listed here only as a model that is not an image model.",
  status: "active",
  input_modalities: ["text"],
  output_modalities: ["text"],
  endpoint: "/v1/chat/completions",
  capabilities: ["chat", "tool-calling"],
  deprecation_date: null,
  retirement_date: null,
  served_from: ["us-east-1"],
  max_output_pixels: null,
  supported_parameters: [{ name: "temperature", type: "number", range: { min: 0, max: 2 }, default: 1 }],
  pricing_rows: [
    { unit: "token", price: 0.00000028, currency: "USD", conditions: { direction: ["input"] } },
    { unit: "token", price: 0.00000042, currency: "USD", conditions: { direction: ["output"] } },
  ],
};
