import { createHash } from "node:crypto";
import { invalidParam } from "@/lib/emulator/api-error";
import { readImageBytes, type FetchLimits } from "@/lib/emulator/input-bytes";
import { checkInputImage, checkMask, type InputImageInfo, type InputProblem } from "@/lib/images/input-rules";
import type { GenerationRequest } from "@/lib/models";

/**
 * Submit-time handling of a request's images: read each one (base64, data: URL or http(s)),
 * check it against the contract's input rules and the mask against its image, and answer the
 * 400 the gateway would (param = the first offending field, message = every problem). What
 * survives is the bytes, for the renderers, and the request with each image replaced by
 * "sha256:<hex>", so the request key is small and names content rather than transport.
 */
export interface InputImages {
  image?: Buffer;
  /** The request's list of images: the first model's `images`, or a catalog model's `image[]`. */
  images?: Buffer[];
  reference_image?: Buffer;
  mask_image?: Buffer;
}

export interface PreparedInputs<R = GenerationRequest> {
  request: R;
  inputs: InputImages;
  /** The source image's size, after orientation: the output size of size-keeping tasks. */
  sourceSize?: { width: number; height: number };
}

const SOURCE_FIELDS = ["image", "images", "reference_image"] as const;

const contentId = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

interface Item {
  param: string;
  field: string;
  value: string;
}

function itemsOf(req: Record<string, unknown>, param: string): Item[] {
  const v = req[param];
  if (typeof v === "string") return [{ param, field: param, value: v }];
  if (Array.isArray(v)) return v.map((value, i) => ({ param, field: `${param}[${i}]`, value: String(value) }));
  return [];
}

/** Reads every item; the first failure in field order wins, so the 400 does not depend on timing. */
async function readAll(items: Item[], limits: FetchLimits): Promise<Buffer[]> {
  const settled = await Promise.allSettled(items.map((it) => readImageBytes(it.value, it.field, it.param, limits)));
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}

function refuse(problems: InputProblem[]): never {
  const param = problems[0].field.replace(/\[\d+\]$/, "");
  throw invalidParam(param, problems.map((p) => p.message).join("; "));
}

/**
 * A request has at most one list of images (the first model's `images`, or a catalog model's
 * `image[]`): its bytes are `inputs.images`, in order.
 */
export async function prepareInputs<R extends object = GenerationRequest>(request: R, limits: FetchLimits): Promise<PreparedInputs<R>> {
  const req = request as Record<string, unknown>;
  const sources = SOURCE_FIELDS.flatMap((f) => itemsOf(req, f));
  const listParams = new Set(SOURCE_FIELDS.filter((f) => Array.isArray(req[f])));
  const masks = itemsOf(req, "mask_image");
  const bytes = await readAll([...sources, ...masks], limits);

  const problems: InputProblem[] = [];
  const infos: (InputImageInfo | null)[] = [];
  for (const [i, item] of sources.entries()) {
    const check = await checkInputImage(bytes[i], item.field);
    problems.push(...check.problems);
    infos.push(check.info);
  }
  const imageInfo = sources[0]?.param === "image" && !listParams.has("image") ? infos[0] : null;
  if (masks.length > 0 && problems.length === 0 && imageInfo) {
    problems.push(...(await checkMask(bytes[sources.length], imageInfo)).problems);
  }
  if (problems.length > 0) refuse(problems);

  const inputs: InputImages = {};
  const stripped: Record<string, unknown> = { ...req };
  [...sources, ...masks].forEach((item, i) => {
    const b = bytes[i];
    if (listParams.has(item.param as (typeof SOURCE_FIELDS)[number])) {
      (inputs.images ??= []).push(b);
    } else {
      inputs[item.param as "image" | "reference_image" | "mask_image"] = b;
      stripped[item.param] = contentId(b);
    }
  });
  for (const param of listParams) stripped[param] = (inputs.images ?? []).map(contentId);
  const sourceSize = imageInfo ? { width: imageInfo.width, height: imageInfo.height } : undefined;
  return { request: stripped as R, inputs, sourceSize };
}
