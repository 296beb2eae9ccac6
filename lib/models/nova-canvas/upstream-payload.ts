/**
 * The body sent to POST /v1/images/generations. Only the fields the task uses (contract §3:
 * "send only the fields that the chosen task_type uses"), defaults written out so the result
 * never depends on a gateway default (its cfg_scale default differs from Bedrock's).
 */
import { DEFAULTS, MODEL_ID } from "@/lib/models/nova-canvas/limits";
import type { TaskType } from "@/lib/models/task-types";
import { TASK_PARAMS, type GenerationRequest } from "@/lib/models/nova-canvas/schemas";

/** Defaults that apply to every request of a task that has the parameter. */
const UNCONDITIONAL_DEFAULTS: Record<string, unknown> = {
  quality: DEFAULTS.quality,
  number_of_images: DEFAULTS.number_of_images,
  cfg_scale: DEFAULTS.cfg_scale,
  aspect_ratio: DEFAULTS.aspect_ratio,
  size_scale: DEFAULTS.size_scale,
  similarity_strength: DEFAULTS.similarity_strength,
  outpainting_mode: DEFAULTS.outpainting_mode,
};

const CONTROL_FIELDS = ["control_mode", "control_strength"] as const;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function buildUpstreamPayload(
  req: GenerationRequest,
  opts: { sync?: boolean; modelId?: string } = {},
): Record<string, unknown> {
  const task: TaskType = req.task_type;
  const source = req as Record<string, unknown>;
  const payload: Record<string, unknown> = { model: opts.modelId ?? MODEL_ID, task_type: task };
  for (const key of TASK_PARAMS[task]) {
    const value = isEmpty(source[key]) ? UNCONDITIONAL_DEFAULTS[key] : source[key];
    if (value !== undefined) payload[key] = value;
  }
  if (task === "TEXT_IMAGE") {
    // Control settings only travel with a condition image; with it, their defaults are explicit.
    const conditioned = payload.image !== undefined;
    for (const key of CONTROL_FIELDS) {
      if (!conditioned) delete payload[key];
      else payload[key] ??= DEFAULTS[key];
    }
  }
  if (opts.sync) payload.sync = true;
  return payload;
}
