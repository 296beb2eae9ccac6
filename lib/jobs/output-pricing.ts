import type { JobRow } from "@/lib/db/schema";
import { getModel } from "@/lib/models";
import type { Size } from "@/lib/models";

/**
 * What each returned image of a job costs: its model's price for the image's real size. A job
 * whose model the app no longer knows (a catalog model gone from the catalog) keeps the
 * per-image price it was estimated at when it was submitted, rather than being recorded as free.
 */
export function outputPricing(job: Pick<JobRow, "model" | "params" | "estimatedCostMicros" | "imagesRequested">): (size: Size) => number {
  const model = getModel(job.model);
  if (model) return (size) => model.outputPriceMicros(job.params, size);
  const perImage = Math.round(job.estimatedCostMicros / Math.max(1, job.imagesRequested));
  return () => perImage;
}
