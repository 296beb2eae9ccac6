/**
 * TEXT_IMAGE: a prompt, optionally steered by a condition image (edges or segmentation).
 * control_mode/control_strength mean nothing without that image, so they are rejected there
 * and their defaults are applied only when the image is given.
 */
import { z } from "zod";
import { CONTROL_MODES, STYLES } from "@/lib/models/nova-canvas/options";
import { CONTROL_STRENGTH_MAX, CONTROL_STRENGTH_MIN, DEFAULTS } from "@/lib/models/nova-canvas/limits";
import { enumField, imageField, rangeField } from "@/lib/models/rules/field-rules";
import {
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

export const textImageObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("TEXT_IMAGE").default("TEXT_IMAGE"),
    ...promptShape(true),
    style: enumField("style", STYLES).optional(),
    image: imageField("image").optional(),
    control_mode: enumField("control_mode", CONTROL_MODES).optional(),
    control_strength: rangeField("control_strength", CONTROL_STRENGTH_MIN, CONTROL_STRENGTH_MAX).optional(),
    ...settingsShape,
    ...outputSizeShape,
  },
  strictParams("TEXT_IMAGE"),
);

const rules: CrossRules = (draft, report) => {
  if (has(draft, "image")) return;
  for (const field of ["control_mode", "control_strength"]) {
    if (has(draft, field)) report(field, `${field} needs a condition image: add image or remove ${field}`);
  }
};

export const textImageSchema = taskSchema(textImageObject, rules).transform((req) =>
  req.image === undefined
    ? req
    : {
        ...req,
        control_mode: req.control_mode ?? DEFAULTS.control_mode,
        control_strength: req.control_strength ?? DEFAULTS.control_strength,
      },
);

export type TextImageRequest = z.output<typeof textImageSchema>;
