"use client";

import { ExtendCanvasButton } from "@/components/playground/fields/extend-canvas-button";
import { MaskImageField } from "@/components/playground/fields/mask-image-field";
import { TextAreaField } from "@/components/playground/fields/text-area-field";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { MASK_BY, maskBy } from "@/lib/playground-form/draft-types";
import { useDraft, useFormStore } from "@/lib/playground-form/form-store";
import { TASK_FIELDS, type TaskType } from "@/lib/models";

const OPTIONS = [
  { value: "image", label: "Mask image", description: "paint it, or upload a black-and-white mask" },
  { value: "prompt", label: "Describe it", description: "name the area in words" },
];

/**
 * INPAINTING/OUTPAINTING take the mask as an image or as words, never both: a switch picks one,
 * only its field is shown and sent (the other keeps its value for when you switch back).
 */
export function MaskSourceField({ task, errors }: { task: "INPAINTING" | "OUTPAINTING"; errors: Record<string, string | undefined> }) {
  const draft = useDraft();
  const setField = useFormStore((s) => s.setField);
  const by = maskBy(draft);
  const spec = (name: string) => TASK_FIELDS[task as TaskType].find((f) => f.name === name)!;
  // The schema reports a missing mask on mask_image, whichever source is chosen.
  const error = by === "image" ? errors.mask_image : (errors.mask_prompt ?? errors.mask_image);
  const help =
    task === "INPAINTING"
      ? "Mark the area to change with a mask (white = redrawn, black = kept) or in words."
      : "Mark the area to generate with a mask (white = generated, black = kept), or name the subject to keep in words.";

  return (
    <div className="flex flex-col gap-3 rounded-md border border-neutral-200 p-3">
      <SegmentedControl
        id="field-mask_by"
        label="Mask source"
        value={by}
        options={OPTIONS}
        onChange={(v) => setField(MASK_BY, v)}
        help={help}
      />
      {task === "OUTPAINTING" && <ExtendCanvasButton />}
      {by === "image" ? (
        <MaskImageField spec={spec("mask_image")} error={error} />
      ) : (
        <TextAreaField spec={spec("mask_prompt")} error={error} placeholder={task === "INPAINTING" ? "the red car" : "the bottle"} />
      )}
    </div>
  );
}
