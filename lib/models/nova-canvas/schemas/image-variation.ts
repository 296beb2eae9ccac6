/**
 * IMAGE_VARIATION: new images that keep the look of one to five sources. A single source may
 * come as `image` or as a one-item `images`; giving both is ambiguous and rejected.
 */
import { z } from "zod";
import {
  DEFAULTS,
  SIMILARITY_STRENGTH_MAX,
  SIMILARITY_STRENGTH_MIN,
  VARIATION_IMAGES_MAX,
  VARIATION_IMAGES_MIN,
} from "@/lib/models/nova-canvas/limits";
import { imageField, imageListField, rangeField } from "@/lib/models/rules/field-rules";
import {
  eitherMessage,
  has,
  modelField,
  outputSizeShape,
  promptShape,
  settingsShape,
  strictParams,
  taskSchema,
  type CrossRules,
} from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const imageVariationObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("IMAGE_VARIATION"),
    ...promptShape(false),
    image: imageField("image").optional(),
    images: imageListField("images", VARIATION_IMAGES_MIN, VARIATION_IMAGES_MAX).optional(),
    similarity_strength: rangeField("similarity_strength", SIMILARITY_STRENGTH_MIN, SIMILARITY_STRENGTH_MAX).default(
      DEFAULTS.similarity_strength,
    ),
    ...settingsShape,
    ...outputSizeShape,
  },
  strictParams("IMAGE_VARIATION"),
);

const rules: CrossRules = (draft, report) => {
  const one = has(draft, "image");
  const many = has(draft, "images");
  if (one && many) report("images", eitherMessage("image", "images"));
  if (!one && !many) {
    report("image", `image is required for IMAGE_VARIATION (or images, ${VARIATION_IMAGES_MIN} to ${VARIATION_IMAGES_MAX} of them)`);
  }
};

export const imageVariationSchema = taskSchema(imageVariationObject, rules);

export type ImageVariationRequest = z.output<typeof imageVariationSchema>;
