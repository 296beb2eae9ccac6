"use client";

import { useFormStore } from "@/lib/client/form-store";
import { estimateJobCost, formatUsd } from "@/lib/models";

/** Live price of the run as configured: "2 × $0.12 = $0.24 · 1024 × 1024 px". */
export function CostEstimate() {
  const quality = useFormStore((s) => s.draft.quality);
  const count = useFormStore((s) => s.draft.number_of_images);
  const aspect = useFormStore((s) => s.draft.aspect_ratio);
  const scale = useFormStore((s) => s.draft.size_scale);
  const est = estimateJobCost({
    task_type: "TEXT_IMAGE",
    quality,
    number_of_images: count ?? undefined,
    aspect_ratio: aspect,
    size_scale: scale,
  });

  return (
    <p data-testid="cost-estimate" aria-live="polite" className="text-sm text-neutral-700">
      <span className="font-medium">Estimated cost: </span>
      <span className="tabular-nums">
        {est.images} × {formatUsd(est.perImageMicros)} = {formatUsd(est.totalMicros)}
      </span>
      {est.width !== null && est.height !== null && (
        <span className="text-neutral-500">
          {" "}
          · {est.width} × {est.height} px
        </span>
      )}
    </p>
  );
}
