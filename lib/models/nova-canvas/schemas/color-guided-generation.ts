/**
 * COLOR_GUIDED_GENERATION: a prompt plus a palette of 1–10 colours, optionally a reference
 * image for style. Colours are normalised to upper case (#ff8800 → #FF8800).
 */
import { z } from "zod";
import { COLORS_MAX, COLORS_MIN } from "@/lib/models/nova-canvas/limits";
import { colorsField, imageField } from "@/lib/models/rules/field-rules";
import {
  modelField,
  outputSizeShape,
  promptShape,
  settingsShape,
  strictParams,
  taskSchema,
} from "@/lib/models/nova-canvas/schemas/shared";
import { taskTypeField } from "@/lib/models/nova-canvas/schemas/task-type-field";

export const colorGuidedGenerationObject = z.strictObject(
  {
    model: modelField,
    task_type: taskTypeField("COLOR_GUIDED_GENERATION"),
    ...promptShape(true),
    colors: colorsField("colors", COLORS_MIN, COLORS_MAX),
    reference_image: imageField("reference_image").optional(),
    ...settingsShape,
    ...outputSizeShape,
  },
  strictParams("COLOR_GUIDED_GENERATION"),
);

/** Every rule is single-field here; the wrapper still adds normalisation and strictness. */
export const colorGuidedGenerationSchema = taskSchema(colorGuidedGenerationObject, () => {});

export type ColorGuidedGenerationRequest = z.output<typeof colorGuidedGenerationSchema>;
