/**
 * VIRTUAL_TRY_ON: put the garment of reference_image on the person of image. mask_type says
 * where: a painted mask (IMAGE), a garment class the model segments (GARMENT), or words
 * (PROMPT). Each mask type has its own fields; a field of another mask type is an error, not
 * ignored, because the person who set it expects it to do something.
 */
import { z } from "zod";
import {
  GARMENT_CLASSES,
  LONG_SLEEVE_STYLES,
  MASK_SHAPES,
  MASK_TYPES,
  MERGE_STYLES,
  OUTER_LAYER_STYLES,
  PRESERVE_OPTIONS,
  TUCKING_STYLES,
} from "@/lib/models/nova-canvas/options";
import { MASK_PROMPT_MAX } from "@/lib/models/nova-canvas/limits";
import { booleanField, enumField, imageField, textField } from "@/lib/models/rules/field-rules";
import { has, modelField, settingsShape, strictParams, taskSchema, type CrossRules } from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const virtualTryOnObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("VIRTUAL_TRY_ON"),
    image: imageField("image"),
    reference_image: imageField("reference_image"),
    mask_type: enumField("mask_type", MASK_TYPES),
    mask_image: imageField("mask_image").optional(),
    garment_class: enumField("garment_class", GARMENT_CLASSES).optional(),
    mask_prompt: textField("mask_prompt", MASK_PROMPT_MAX).optional(),
    mask_shape: enumField("mask_shape", MASK_SHAPES).optional(),
    long_sleeve_style: enumField("long_sleeve_style", LONG_SLEEVE_STYLES).optional(),
    tucking_style: enumField("tucking_style", TUCKING_STYLES).optional(),
    outer_layer_style: enumField("outer_layer_style", OUTER_LAYER_STYLES).optional(),
    preserve_body_pose: enumField("preserve_body_pose", PRESERVE_OPTIONS).optional(),
    preserve_hands: enumField("preserve_hands", PRESERVE_OPTIONS).optional(),
    preserve_face: enumField("preserve_face", PRESERVE_OPTIONS).optional(),
    merge_style: enumField("merge_style", MERGE_STYLES).optional(),
    return_mask: booleanField("return_mask").optional(),
    ...settingsShape,
  },
  strictParams("VIRTUAL_TRY_ON"),
);

/** The field each mask type requires; the other two are errors under that mask type. */
const MASK_FIELD = { IMAGE: "mask_image", GARMENT: "garment_class", PROMPT: "mask_prompt" } as const;
const GARMENT_STYLING = ["long_sleeve_style", "tucking_style", "outer_layer_style"] as const;

const rules: CrossRules = (draft, report) => {
  const maskType = draft.mask_type;
  // An unknown or missing mask_type already has its own error; guessing further helps nobody.
  if (maskType !== "IMAGE" && maskType !== "GARMENT" && maskType !== "PROMPT") return;
  for (const [type, field] of Object.entries(MASK_FIELD)) {
    if (type === maskType && !has(draft, field)) report(field, `${field} is required when mask_type is ${type}`);
    if (type !== maskType && has(draft, field)) {
      report(field, `${field} applies only when mask_type is ${type} (mask_type is ${maskType})`);
    }
  }
  if (maskType !== "GARMENT") {
    for (const field of GARMENT_STYLING) {
      if (has(draft, field)) report(field, `${field} applies only when mask_type is GARMENT (mask_type is ${maskType})`);
    }
  }
  if (maskType === "IMAGE" && has(draft, "mask_shape")) {
    report("mask_shape", "mask_shape applies only when mask_type is GARMENT or PROMPT (mask_type is IMAGE)");
  }
};

export const virtualTryOnSchema = taskSchema(virtualTryOnObject, rules);

export type VirtualTryOnRequest = z.output<typeof virtualTryOnSchema>;
