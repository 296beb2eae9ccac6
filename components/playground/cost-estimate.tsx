"use client";

import { isImageValue } from "@/lib/playground-form/draft-types";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { useDraft } from "@/lib/playground-form/form-store";
import { formatUsd, takesAspectRatio, type ModelDefinition, type TaskType } from "@/lib/models";

/**
 * Live price of the run as configured, from the chosen model's own estimate: "2 × $0.12 = $0.24
 * · 1024 × 1024 px". Tasks that keep the input's size are priced from the chosen source image
 * (small until one is chosen); a model that does not say its output size shows none.
 */
export function CostEstimate({ model, task }: { model: ModelDefinition; task: TaskType }) {
  const draft = useDraft();
  const keepsSize = !takesAspectRatio(task);
  const source = draft.image;
  const inputSize = keepsSize && isImageValue(source) ? { width: source.width, height: source.height } : undefined;
  const est = model.estimateCost({ model: model.id, ...draftToRequest(task, draft, model), task_type: task }, inputSize);

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
