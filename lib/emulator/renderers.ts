import { mixSeeds, sha256Seed } from "@/lib/emulator/prng";
import { renderTextImage } from "@/lib/emulator/render-text-image";
import type { GenerationRequest, TaskType } from "@/lib/models";

/**
 * Which task types the offline engine can synthesise, and how. A task type without a renderer
 * is refused at submit with a 400 that names it, instead of returning a picture that would
 * pretend to be, say, an inpainting result. New task types are one entry here.
 */
export interface RenderJob {
  request: GenerationRequest;
  /** Canonical JSON of the request without its seed: what makes two requests "the same". */
  requestKey: string;
  /** The seed of image 0; image i uses seed + i. */
  seed: number;
  index: number;
  width: number;
  height: number;
}

export type Renderer = (job: RenderJob) => Promise<Buffer>;

/** One number per image: the request's identity mixed with that image's own seed. */
export function variantSeed(job: RenderJob): number {
  return mixSeeds(sha256Seed(job.requestKey), job.seed + job.index);
}

const RENDERERS: Partial<Record<TaskType, Renderer>> = {
  TEXT_IMAGE: (job) => {
    const req = job.request as Extract<GenerationRequest, { task_type: "TEXT_IMAGE" }>;
    return renderTextImage({
      prompt: req.prompt,
      negativePrompt: req.negative_prompt,
      style: req.style,
      cfgScale: req.cfg_scale,
      width: job.width,
      height: job.height,
      variantSeed: variantSeed(job),
    });
  },
};

export function rendererFor(taskType: TaskType): Renderer | undefined {
  return RENDERERS[taskType];
}

export interface Unsupported {
  param: string;
  message: string;
}

/**
 * Checked before validation, so a caller is not walked through fixing every field of a
 * request the engine would refuse anyway.
 */
export function unsupportedTask(taskType: TaskType): Unsupported | undefined {
  if (RENDERERS[taskType]) return undefined;
  return { param: "task_type", message: `task_type ${taskType} is not yet supported by the offline engine` };
}

/** Why the engine cannot run this valid request, as a 400's param and message; else undefined. */
export function unsupportedReason(req: GenerationRequest): Unsupported | undefined {
  const task = unsupportedTask(req.task_type);
  if (task) return task;
  if (req.task_type === "TEXT_IMAGE" && req.image !== undefined) {
    return { param: "image", message: "TEXT_IMAGE with a condition image is not yet supported by the offline engine" };
  }
  return undefined;
}
