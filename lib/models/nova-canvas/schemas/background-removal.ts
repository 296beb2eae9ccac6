/**
 * BACKGROUND_REMOVAL: one image in, one image with alpha out. It takes no generation settings
 * at all (no prompt, quality, seed, number_of_images: always one image), so any of them is
 * rejected rather than silently dropped: a person who sets them expects an effect.
 */
import { z } from "zod";
import { imageField } from "@/lib/models/rules/field-rules";
import { modelField, strictParams, taskSchema } from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const backgroundRemovalObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("BACKGROUND_REMOVAL"),
    image: imageField("image"),
  },
  strictParams("BACKGROUND_REMOVAL"),
);

export const backgroundRemovalSchema = taskSchema(backgroundRemovalObject, () => {});

export type BackgroundRemovalRequest = z.output<typeof backgroundRemovalSchema>;
