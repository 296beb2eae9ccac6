import { createHash } from "node:crypto";
import { z } from "zod";
import type { EngineJob } from "@/lib/emulator/job-store";
import type { InputImages } from "@/lib/emulator/prepare-inputs";
import { canonicalJson } from "@/lib/emulator/prng";
import { engineImageModel } from "@/lib/emulator/catalog/models";
import type { EngineRequest } from "@/lib/emulator/render-job";
import { isTaskType } from "@/lib/models";

/**
 * One engine job as a file (`jobs/<id>.json` in the engine's folder): everything but its input
 * bytes, which are stored once per content (`inputs/<sha256>`) and named here by their hash.
 * The poll counter is not kept: poll429/poll500 faults count again after a restart.
 */
export const RECORD_VERSION = 1;

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

const inputRefsSchema = z
  .object({ image: hash, images: z.array(hash), reference_image: hash, mask_image: hash })
  .partial()
  .strict();

/** Input fields → the sha256 (hex) of their bytes. */
export type InputRefs = z.infer<typeof inputRefsSchema>;

const faultsSchema = z
  .object({
    latency: count,
    fail: z.string(),
    block: count,
    submit402: count,
    submit429: count,
    submit500: count,
    poll429: count,
    poll500: count,
    retry_after: count,
    expire: z.boolean(),
    tag: z.string(),
  })
  .partial()
  .strict();

const recordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  id: z.string().regex(/^job_[0-9a-f]{24}$/),
  createdAt: count,
  durationMs: count,
  numberOfImages: z.number().int().positive(),
  maskIndex: count.optional(),
  outcome: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("completed"), indices: z.array(count) }),
    z.object({ kind: z.literal("failed"), error: z.object({ code: z.string(), message: z.string() }) }),
  ]),
  faults: faultsSchema,
  render: z.object({
    // The first model's jobs name a task type; a catalog model's jobs name their model instead.
    request: z
      .record(z.string(), z.unknown())
      .refine(
        (r) => (r.task_type === undefined ? engineImageModel(r.model) !== undefined : isTaskType(r.task_type)),
        "render.request names neither a task type nor a catalog image model",
      ),
    requestKey: z.string(),
    seed: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  inputs: inputRefsSchema,
});

export type JobRecord = z.infer<typeof recordSchema>;

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The hash of every input field, and the bytes behind each distinct hash. */
export function refsOf(inputs: InputImages): { refs: InputRefs; bytes: Map<string, Buffer> } {
  const bytes = new Map<string, Buffer>();
  const ref = (b: Buffer) => {
    const h = sha256Hex(b);
    bytes.set(h, b);
    return h;
  };
  const refs: InputRefs = {};
  if (inputs.image) refs.image = ref(inputs.image);
  if (inputs.images) refs.images = inputs.images.map(ref);
  if (inputs.reference_image) refs.reference_image = ref(inputs.reference_image);
  if (inputs.mask_image) refs.mask_image = ref(inputs.mask_image);
  return { refs, bytes };
}

/** Every distinct hash a record names. */
export function hashesOf(refs: InputRefs): string[] {
  return [...new Set([refs.image, ...(refs.images ?? []), refs.reference_image, refs.mask_image].filter((h): h is string => !!h))];
}

export function toRecordJson(job: EngineJob, refs: InputRefs): string {
  const { request, requestKey, seed, width, height } = job.render;
  const record: JobRecord = {
    version: RECORD_VERSION,
    id: job.id,
    createdAt: job.createdAt,
    durationMs: job.durationMs,
    numberOfImages: job.numberOfImages,
    ...(job.maskIndex !== undefined ? { maskIndex: job.maskIndex } : {}),
    outcome: job.outcome,
    faults: job.faults,
    render: { request: request as Record<string, unknown>, requestKey, seed, width, height },
    inputs: refs,
  };
  return JSON.stringify(record);
}

/** Parses and checks a job file; throws an Error that says what is wrong with it. */
export function parseRecord(text: string): JobRecord {
  const parsed = recordSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue.path.join(".") || "record"}: ${issue.message}`);
  }
  const { request, requestKey } = parsed.data.render;
  const withoutSeed = { ...request };
  delete withoutSeed.seed;
  // The key decides every pixel; one that does not match its request means the file was altered.
  if (canonicalJson(withoutSeed) !== requestKey) throw new Error("render.requestKey does not match render.request");
  return parsed.data;
}

/** The job a record describes, given the bytes of each of its input hashes. */
export function jobFromRecord(record: JobRecord, bytesOf: (hash: string) => Buffer): EngineJob {
  const refs = record.inputs;
  const inputs: InputImages = {};
  if (refs.image) inputs.image = bytesOf(refs.image);
  if (refs.images) inputs.images = refs.images.map(bytesOf);
  if (refs.reference_image) inputs.reference_image = bytesOf(refs.reference_image);
  if (refs.mask_image) inputs.mask_image = bytesOf(refs.mask_image);
  const { request, ...render } = record.render;
  return {
    id: record.id,
    createdAt: record.createdAt,
    durationMs: record.durationMs,
    render: { ...render, request: request as unknown as EngineRequest, inputs },
    numberOfImages: record.numberOfImages,
    maskIndex: record.maskIndex,
    outcome: record.outcome,
    faults: record.faults,
    polls: 0,
  };
}
