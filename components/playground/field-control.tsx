"use client";

import { ControlStandIn } from "@/components/playground/control-stand-in";
import { AspectRatioField } from "@/components/playground/fields/aspect-ratio-field";
import { ImageField } from "@/components/playground/fields/image-field";
import { NumberField } from "@/components/playground/fields/number-field";
import { SeedField } from "@/components/playground/fields/seed-field";
import { SelectControl } from "@/components/playground/fields/select-control";
import { SliderField } from "@/components/playground/fields/slider-field";
import { TextAreaField } from "@/components/playground/fields/text-area-field";
import { ToggleField } from "@/components/playground/fields/toggle-field";
import { lazyClient } from "@/components/ui/lazy-client";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import type { FieldSpec, ModelDefinition, TaskType } from "@/lib/models";

// Controls only some tasks use load when their task is chosen, keeping the first load small; Run
// waits until they are in place (ControlStandIn).
const box = (h: string) => <ControlStandIn aria-hidden="true" className={`${h} animate-pulse rounded-md bg-neutral-50`} />;
const ImagesField = lazyClient(() => import("@/components/playground/fields/images-field").then((m) => m.ImagesField), box("h-28"));
const MaskSourceField = lazyClient(() => import("@/components/playground/fields/mask-source-field").then((m) => m.MaskSourceField), box("h-48"));
const PaletteEditor = lazyClient(() => import("@/components/playground/fields/palette-editor").then((m) => m.PaletteEditor), box("h-48"));
// Shown on the default task. Its stand-in is shorter than the picker (whose height follows the
// column's width), so the form still grows when it loads: Run waits for it.
const StylePicker = lazyClient(() => import("@/components/playground/fields/style-picker").then((m) => m.StylePicker), box("h-[19rem]"));

interface FieldControlProps {
  model: ModelDefinition;
  task: TaskType;
  spec: FieldSpec;
  errors: Record<string, string | undefined>;
}

/** Example prompts, per task: what a good prompt for that task looks like. */
const PROMPT_EXAMPLES: Partial<Record<TaskType, string>> = {
  TEXT_IMAGE: "A lighthouse on a cliff at dusk, warm light, photographed with a wide lens",
  COLOR_GUIDED_GENERATION: "A quiet harbour town seen from the hill, flat graphic shapes",
  IMAGE_VARIATION: "The same scene in winter, under fresh snow",
  INPAINTING: "A wooden bench (leave empty to remove what is masked)",
  OUTPAINTING: "On a sunny beach at noon, soft shadows",
};

/**
 * The control for one field, chosen by its kind. A few of the default model's (Nova Canvas's)
 * fields have a richer control of their own (style swatches, sizes per aspect ratio, the mask
 * switch) that knows its options; other models' fields of the same name get the generic control.
 */
export function FieldControl({ model, task, spec, errors }: FieldControlProps) {
  const error = errors[spec.name];
  if (ownsTaskDrafts(model.id)) {
    if (spec.name === "style") return <StylePicker spec={spec} error={error} />;
    if (spec.name === "aspect_ratio") return <AspectRatioField spec={spec} error={error} />;
    if (spec.name === "mask_image" && (task === "INPAINTING" || task === "OUTPAINTING")) {
      return <MaskSourceField task={task} errors={errors} />;
    }
  }
  switch (spec.kind) {
    case "prompt":
      return <TextAreaField spec={spec} error={error} rows={spec.name === "prompt" ? 5 : 2} placeholder={spec.name === "prompt" ? PROMPT_EXAMPLES[task] : undefined} />;
    case "text":
      return <TextAreaField spec={spec} error={error} />;
    case "select":
      return <SelectControl spec={spec} error={error} />;
    case "number":
      return <NumberField spec={spec} error={error} />;
    case "slider":
      return <SliderField spec={spec} error={error} />;
    case "seed":
      return <SeedField spec={spec} error={error} />;
    case "toggle":
      return <ToggleField spec={spec} error={error} />;
    case "image":
      return <ImageField spec={spec} error={error} />;
    case "images":
      // The default model's image lists are required by their task; other models' only when they say so.
      return <ImagesField spec={spec} error={error} optional={!ownsTaskDrafts(model.id) && !spec.required} />;
    case "colors":
      return <PaletteEditor spec={spec} error={error} />;
  }
}
