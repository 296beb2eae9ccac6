/**
 * INPAINTING: change the masked area of an image. With no prompt the masked object is removed
 * (contract §3), so the prompt is optional. The mask comes from mask_image, mask_prompt or
 * inpaint_mask_prompt: exactly one of them.
 */
import { z } from "zod";
import { MASK_PROMPT_MAX } from "@/lib/models/nova-canvas/limits";
import { imageField, textField } from "@/lib/models/rules/field-rules";
import { maskSourceRules } from "@/lib/models/nova-canvas/schemas/mask-rules";
import { modelField, promptShape, settingsShape, strictParams, taskSchema } from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const inpaintingObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("INPAINTING"),
    ...promptShape(false),
    image: imageField("image"),
    mask_image: imageField("mask_image").optional(),
    mask_prompt: textField("mask_prompt", MASK_PROMPT_MAX).optional(),
    inpaint_mask_prompt: textField("inpaint_mask_prompt", MASK_PROMPT_MAX).optional(),
    ...settingsShape,
  },
  strictParams("INPAINTING"),
);

export const inpaintingSchema = taskSchema(
  inpaintingObject,
  maskSourceRules("INPAINTING", ["mask_prompt", "inpaint_mask_prompt"]),
);

export type InpaintingRequest = z.output<typeof inpaintingSchema>;
