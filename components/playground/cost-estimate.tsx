"use client";

import { isImageValue } from "@/lib/playground-form/draft-types";
import { useDraft, useFormStore } from "@/lib/playground-form/form-store";
import { usesField } from "@/lib/playground-form/task-drafts";
import { estimateJobCost, formatUsd, takesAspectRatio } from "@/lib/models";

/**
 * Live price of the run as configured: "2 × $0.12 = $0.24 · 1024 × 1024 px". Tasks that keep the
 * input's size are priced from the chosen source image (small until one is chosen).
 */
export function CostEstimate() {
  const task = useFormStore((s) => s.taskType);
  const draft = useDraft();
  const keepsSize = !takesAspectRatio(task);
  const source = draft.image;
  const inputSize = keepsSize && isImageValue(source) ? { width: source.width, height: source.height } : undefined;
  const has = (name: string) => (usesField(task, name) ? draft[name] : undefined);
  const count = has("number_of_images");
  const est = estimateJobCost(
    {
      task_type: task,
      quality: has("quality"),
      number_of_images: typeof count === "number" ? count : undefined,
      aspect_ratio: has("aspect_ratio"),
      size_scale: has("size_scale"),
    },
    inputSize,
  );

  return (
    <p data-testid="cost-estimate" aria-live="polite" className="text-sm text-neutral-700">
      <span className="font-medium">Estimated cost: </span>
      <span className="tabular-nums">
        {est.images} × {formatUsd(est.perImageMicros)} = {formatUsd(est.totalMicros)}
      </span>
      {est.width !== null && est.height !== null ? (
        <span className="text-neutral-500">
          {" "}
          · {est.width} × {est.height} px
        </span>
      ) : (
        keepsSize && <span className="text-neutral-500"> · output is the input image&apos;s size</span>
      )}
    </p>
  );
}
