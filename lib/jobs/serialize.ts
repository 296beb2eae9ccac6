import "server-only";
import type { ApiImage, ApiInput, ApiJob } from "@/lib/api-types";
import type { ImageRow, InputRow, JobRow } from "@/lib/db/schema";
import { microsToUsd } from "@/lib/models";
import { redact } from "@/lib/secrets/redact";

/** Database rows → the API's JSON. Only here do internal keys (blob paths, leases) get dropped. */
export function toApiImage(row: ImageRow): ApiImage {
  return {
    id: row.id,
    jobId: row.jobId,
    index: row.index,
    seed: row.seed,
    width: row.width,
    height: row.height,
    contentType: row.contentType,
    costUsd: microsToUsd(row.costMicros),
    url: `/api/images/${row.id}/file`,
    thumbUrl: `/api/images/${row.id}/thumb`,
    createdAt: row.createdAt.toISOString(),
    favorite: row.favorite,
  };
}

export interface JobInputView {
  role: string;
  position: number;
  input: InputRow;
}

export function toApiInput({ role, position, input }: JobInputView): ApiInput {
  return {
    sha256: input.sha256,
    role,
    position,
    width: input.width,
    height: input.height,
    contentType: input.contentType,
    url: `/api/inputs/${input.sha256}`,
    sourceImageId: input.sourceImageId,
  };
}

/** A waiting run's place in line (1 = next) and when it should be sent. */
export type QueuePlace = ApiJob["queue"];

export function toApiJob(job: JobRow, images: ImageRow[], inputs: JobInputView[] = [], queue: QueuePlace = null): ApiJob {
  return {
    id: job.id,
    model: job.model,
    taskType: job.taskType,
    status: job.status,
    progress: job.progress,
    params: job.params,
    prompt: job.prompt,
    seed: job.seed,
    imagesRequested: job.imagesRequested,
    imagesReturned: job.imagesReturned,
    imagesBlocked: job.imagesBlocked,
    upstreamJobId: job.upstreamJobId,
    upstreamPolls: job.pollCount,
    estimatedCostUsd: microsToUsd(job.estimatedCostMicros),
    actualCostUsd: job.actualCostMicros === null ? null : microsToUsd(job.actualCostMicros),
    // Redacted again on the way out: rows stored before redaction existed may quote a key.
    error: job.errorCode ? { code: redact(job.errorCode), message: redact(job.errorMessage ?? "") } : null,
    queue: job.status === "waiting" ? queue : null,
    createdAt: job.createdAt.toISOString(),
    submittedAt: job.submittedAt?.toISOString() ?? null,
    completedAt: job.completedAt?.toISOString() ?? null,
    failedAt: job.failedAt?.toISOString() ?? null,
    cancelledAt: job.cancelledAt?.toISOString() ?? null,
    sweepId: job.sweepId ?? null,
    images: images.map(toApiImage),
    inputs: inputs.map(toApiInput),
  };
}
