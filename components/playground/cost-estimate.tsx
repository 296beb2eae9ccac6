"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { describeLeft } from "@/lib/display/budget-text";
import { formatDollars } from "@/lib/display/format";
import { isImageValue } from "@/lib/playground-form/draft-types";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { useDraft } from "@/lib/playground-form/form-store";
import { useTightestCap } from "@/lib/queries/use-budget";
import { formatUsd, MICROS_PER_USD, takesAspectRatio, type ModelDefinition, type TaskType } from "@/lib/models";

/**
 * Live price of the run as configured, from the chosen model's own estimate: "2 × $0.12 = $0.24
 * · 1024 × 1024 px". Tasks that keep the input's size are priced from the chosen source image
 * (small until one is chosen); a model that does not say its output size shows none.
 * With a spending cap, what is left of it stands beside the price, and a run that would not fit
 * is called out before Run (the server, which holds the same estimate against the cap, decides).
 * It stands beside Run, in the bar that is always in view (run-bar.tsx).
 */
export function CostEstimate({ model, task }: { model: ModelDefinition; task: TaskType }) {
  const draft = useDraft();
  const cap = useTightestCap();
  const keepsSize = !takesAspectRatio(task);
  const source = draft.image;
  const inputSize = keepsSize && isImageValue(source) ? { width: source.width, height: source.height } : undefined;
  const est = model.estimateCost({ model: model.id, ...draftToRequest(task, draft, model), task_type: task }, inputSize);
  const over = cap !== null && est.totalMicros > Math.round(cap.leftUsd * MICROS_PER_USD);

  return (
    <div className="flex flex-col gap-1">
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
        {cap && (
          <span data-testid="spend-left" className={over ? "font-medium text-amber-800" : "text-neutral-500"}>
            {" "}
            · {describeLeft(cap)}
          </span>
        )}
      </p>
      {over && (
        <Alert tone="warning" testId="over-cap-warning">
          This run may cost up to {formatUsd(est.totalMicros)}, more than the {formatDollars(cap.leftUsd)} left of the{" "}
          {cap.period === "day" ? "daily" : "monthly"} cap of {formatDollars(cap.capUsd)}: it will be refused.{" "}
          <Link href="/settings" className="font-medium underline">
            Open Settings
          </Link>{" "}
          to raise the cap.
        </Alert>
      )}
    </div>
  );
}
