/**
 * OUTPAINTING: keep the masked subject and regenerate around it. The prompt is required (it
 * describes the new surroundings); the mask is mask_image or mask_prompt, exactly one.
 */
import { z } from "zod";
import { OUTPAINTING_MODES } from "@/lib/models/nova-canvas/options";
import { DEFAULTS, MASK_PROMPT_MAX } from "@/lib/models/nova-canvas/limits";
import { enumField, imageField, textField } from "@/lib/models/rules/field-rules";
import { maskSourceRules } from "@/lib/models/nova-canvas/schemas/mask-rules";
import { modelField, promptShape, settingsShape, strictParams, taskSchema } from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const outpaintingObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("OUTPAINTING"),
    ...promptShape(true),
    image: imageField("image"),
    mask_image: imageField("mask_image").optional(),
    mask_prompt: textField("mask_prompt", MASK_PROMPT_MAX).optional(),
    outpainting_mode: enumField("outpainting_mode", OUTPAINTING_MODES).default(DEFAULTS.outpainting_mode),
    ...settingsShape,
  },
  strictParams("OUTPAINTING"),
);

export const outpaintingSchema = taskSchema(outpaintingObject, maskSourceRules("OUTPAINTING", ["mask_prompt"]));

export type OutpaintingRequest = z.output<typeof outpaintingSchema>;
