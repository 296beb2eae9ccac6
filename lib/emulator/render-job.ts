import type { InputImages } from "@/lib/emulator/prepare-inputs";
import { canonicalJson, mixSeeds, sha256Seed } from "@/lib/emulator/prng";
import type { GenerationRequest, TaskType } from "@/lib/models";
import { maskNeedsInversion, novaCanvas } from "@/lib/models";

/**
 * A job for one of the catalog's other image models (catalog/models.ts): the model's id and
 * its parameters as validated against its catalog entry, defaults filled in. No task type: the
 * model picks the renderer.
 */
export interface CatalogJobRequest {
  model: string;
  task_type?: undefined;
  [param: string]: unknown;
}

/** What the engine accepted: a request of the playground's first model, or of a catalog model. */
export type EngineRequest = GenerationRequest | CatalogJobRequest;

/** Everything a renderer gets: the validated request, its input bytes, the image's seed and size. */
export interface RenderJob {
  /** The validated request; image fields hold "sha256:<hex>" of their bytes (see prepare-inputs.ts). */
  request: EngineRequest;
  /** Canonical JSON of the request without its seed: what makes two requests "the same". */
  requestKey: string;
  /** The decoded-from-transport bytes of every image field, checked at submit. */
  inputs: InputImages;
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

/**
 * The variant seed as if some fields were not in the request: content that those fields must
 * not change (OUTPAINTING's generated surroundings do not depend on outpainting_mode, only
 * the seam does).
 */
export function variantSeedIgnoring(job: RenderJob, fields: readonly string[]): number {
  const key = JSON.parse(job.requestKey) as Record<string, unknown>;
  for (const f of fields) delete key[f];
  return mixSeeds(sha256Seed(canonicalJson(key)), job.seed + job.index);
}

/**
 * Which mask colour means "edit" for a task, as the provider reads it. The engine plays the
 * provider, so it honours the same polarity table the app converts to (lib/models
 * mask-polarity.ts): white = edit unless that table says the task wants black = edit.
 */
export function whiteIsEdit(task: TaskType): boolean {
  return !maskNeedsInversion(task, novaCanvas.maskPolarity);
}

/** The request narrowed to its task type (renderers are registered per task type). */
export function requestOf<T extends TaskType>(job: RenderJob, task: T): Extract<GenerationRequest, { task_type: T }> {
  if (job.request.task_type !== task) throw new Error(`a ${job.request.task_type} job reached the ${task} renderer`);
  return job.request as Extract<GenerationRequest, { task_type: T }>;
}

/** The request of a catalog model's job (renderers are registered per model id). */
export function catalogRequestOf(job: RenderJob, model: string): CatalogJobRequest {
  const req = job.request;
  if (req.task_type !== undefined || req.model !== model) throw new Error(`a ${req.task_type ?? req.model} job reached the ${model} renderer`);
  return req;
}
