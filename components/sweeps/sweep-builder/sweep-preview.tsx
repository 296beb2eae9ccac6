"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { countOf, describeLeft } from "@/lib/display/budget-text";
import { formatDollars } from "@/lib/display/format";
import { formatUsd } from "@/lib/models/money";
import type { TightestCap } from "@/lib/queries/use-budget";
import { priceByValue } from "@/lib/sweep-ui/sweep-draft";
import type { SweepPlan } from "@/lib/sweeps/plan-sweep";
import { MODEL_AXIS, type SweepAxis } from "@/lib/sweeps/sweep-axis";

/**
 * What the sweep will be before it runs: its shape ("3 × 3"), cells, images, the total cost with
 * what is left of the tightest cap (a warning when it does not fit), and on a model axis each
 * model's part of the price.
 */
export function SweepPreview({ plan, axes, cap }: { plan: SweepPlan; axes: readonly SweepAxis[]; cap: TightestCap | null }) {
  const shape = plan.shape.slice(0, axes.length).join(" × ");
  const over = cap !== null && plan.totalMicros > Math.round(cap.leftUsd * 1_000_000);
  const modelAxis = axes.findIndex((a) => a.field === MODEL_AXIS);
  const dropped = plan.cells.filter((c) => c.dropped).length;
  return (
    <section aria-label="Preview" className="flex flex-col gap-2">
      <p data-testid="sweep-preview" aria-live="polite" className="text-sm">
        <span className="font-medium">{plan.axisLabels.join(" × ")}</span>: <span data-testid="sweep-shape">{shape}</span> ·{" "}
        <span data-testid="sweep-cells">{countOf(plan.cells.length, "cell")}</span>
        {dropped > 0 && <> ({dropped} left out)</>} · <span data-testid="sweep-images">{countOf(plan.images, "image")}</span> ·{" "}
        <span className="font-medium">
          Total <span data-testid="sweep-total">{formatUsd(plan.totalMicros)}</span>
        </span>
        {cap && (
          <span data-testid="sweep-cap-left" className={over ? "font-medium text-amber-800" : "text-neutral-500"}>
            {" "}
            · {describeLeft(cap)}
          </span>
        )}
      </p>
      {modelAxis >= 0 && (
        <ul aria-label="Price per model" className="flex flex-wrap gap-x-4 text-sm text-neutral-700" data-testid="sweep-model-prices">
          {priceByValue(plan, modelAxis).map((m) => (
            <li key={m.label}>
              {m.label}: {countOf(m.runs, "run")} · {formatUsd(m.micros)}
            </li>
          ))}
        </ul>
      )}
      {over && (
        <Alert tone="warning" testId="sweep-over-cap">
          This sweep may cost up to {formatUsd(plan.totalMicros)}, more than the {formatDollars(cap.leftUsd)} left of the{" "}
          {cap.period === "day" ? "daily" : "monthly"} cap of {formatDollars(cap.capUsd)}: it would be refused. Leave cells out, or{" "}
          <Link href="/settings" className="font-medium underline">
            raise the cap in Settings
          </Link>
          .
        </Alert>
      )}
    </section>
  );
}
