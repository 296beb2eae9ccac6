/**
 * The task schemas as one lookup, the union of their parsed requests, and the list of
 * parameters each task sends (read from the schema's shape, so it cannot drift).
 */
import type { TaskType } from "@/lib/models/task-types";
import { backgroundRemovalObject, backgroundRemovalSchema } from "@/lib/models/nova-canvas/schemas/background-removal";
import {
  colorGuidedGenerationObject,
  colorGuidedGenerationSchema,
} from "@/lib/models/nova-canvas/schemas/color-guided-generation";
import { imageVariationObject, imageVariationSchema } from "@/lib/models/nova-canvas/schemas/image-variation";
import { inpaintingObject, inpaintingSchema } from "@/lib/models/nova-canvas/schemas/inpainting";
import { outpaintingObject, outpaintingSchema } from "@/lib/models/nova-canvas/schemas/outpainting";
import { textImageObject, textImageSchema } from "@/lib/models/nova-canvas/schemas/text-image";
import { virtualTryOnObject, virtualTryOnSchema } from "@/lib/models/nova-canvas/schemas/virtual-try-on";

export type { BackgroundRemovalRequest } from "@/lib/models/nova-canvas/schemas/background-removal";
export type { ColorGuidedGenerationRequest } from "@/lib/models/nova-canvas/schemas/color-guided-generation";
export type { ImageVariationRequest } from "@/lib/models/nova-canvas/schemas/image-variation";
export type { InpaintingRequest } from "@/lib/models/nova-canvas/schemas/inpainting";
export type { OutpaintingRequest } from "@/lib/models/nova-canvas/schemas/outpainting";
export type { TextImageRequest } from "@/lib/models/nova-canvas/schemas/text-image";
export type { VirtualTryOnRequest } from "@/lib/models/nova-canvas/schemas/virtual-try-on";
export {
  backgroundRemovalSchema,
  colorGuidedGenerationSchema,
  imageVariationSchema,
  inpaintingSchema,
  outpaintingSchema,
  textImageSchema,
  virtualTryOnSchema,
};

export const TASK_SCHEMAS = {
  TEXT_IMAGE: textImageSchema,
  IMAGE_VARIATION: imageVariationSchema,
  INPAINTING: inpaintingSchema,
  OUTPAINTING: outpaintingSchema,
  COLOR_GUIDED_GENERATION: colorGuidedGenerationSchema,
  BACKGROUND_REMOVAL: backgroundRemovalSchema,
  VIRTUAL_TRY_ON: virtualTryOnSchema,
} as const satisfies Record<TaskType, unknown>;

export type GenerationRequest = {
  [T in TaskType]: import("zod").output<(typeof TASK_SCHEMAS)[T]>;
}[TaskType];

/** Narrows the union by task type: `RequestOf<"INPAINTING">`. */
export type RequestOf<T extends TaskType> = Extract<GenerationRequest, { task_type: T }>;

const OBJECTS = {
  TEXT_IMAGE: textImageObject,
  IMAGE_VARIATION: imageVariationObject,
  INPAINTING: inpaintingObject,
  OUTPAINTING: outpaintingObject,
  COLOR_GUIDED_GENERATION: colorGuidedGenerationObject,
  BACKGROUND_REMOVAL: backgroundRemovalObject,
  VIRTUAL_TRY_ON: virtualTryOnObject,
} as const;

/** The parameters of each task in schema order, without `model` and `task_type`. */
export const TASK_PARAMS = {} as Record<TaskType, readonly string[]>;
for (const [task, object] of Object.entries(OBJECTS) as [TaskType, { shape: object }][]) {
  TASK_PARAMS[task] = Object.keys(object.shape).filter((k) => k !== "model" && k !== "task_type");
}
