import "server-only";
import type { Db } from "@/lib/db/client";
import { findImageIdBySha, linkJobInputs, upsertInput } from "@/lib/db/input-queries";
import { AppError, type FieldError } from "@/lib/errors";
import { decodeImageInput, inspectImage, invertMask, sha256Hex } from "@/lib/images";
import { measureImage, measureMask } from "@/lib/images/measure";
import { applyOrientation } from "@/lib/images/orient";
import { getBlobStore } from "@/lib/storage";
import { inputImageProblems, maskNeedsInversion, maskProblems, type GenerationRequest } from "@/lib/models";

/** Request fields that carry images, in the order the gateway documents them. */
const IMAGE_FIELDS = ["image", "images", "reference_image", "mask_image"] as const;
/** Decoding guard for the stored copy; the contract's own limit is checked by the rules. */
const MAX_DECODE_PIXELS = 40_000_000;

export type { JobInputLink as InputLink } from "@/lib/db/input-queries";
import type { JobInputLink as InputLink } from "@/lib/db/input-queries";

export interface StoredInputs {
  /** The request with every inline image replaced by `{ input: sha256 }`: no bytes in the DB. */
  params: Record<string, unknown>;
  links: InputLink[];
  /** Size of the first source image, which decides the price tier of size-keeping tasks. */
  inputSize?: { width: number; height: number };
  /** What goes upstream: images oriented, masks in the provider's polarity, as bare base64. */
  upstream: GenerationRequest;
}

interface Decoded {
  field: string;
  label: string;
  position: number;
  bytes: Buffer;
}

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/** Decodes every inline image, applies EXIF orientation once, and checks the contract's rules. */
async function decodeAll(request: Record<string, unknown>): Promise<{ decoded: Decoded[]; problems: FieldError[] }> {
  const decoded: Decoded[] = [];
  const problems: FieldError[] = [];
  for (const field of IMAGE_FIELDS) {
    const value = request[field];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    for (const [position, item] of list.entries()) {
      if (isUrl(item)) continue;
      const label = Array.isArray(value) ? `${field}[${position}]` : field;
      const raw = decodeImageInput(item, field);
      let bytes: Buffer;
      try {
        bytes = (await applyOrientation(raw)).bytes;
      } catch {
        problems.push({ field, message: `${label} is not a readable image (send a PNG or JPEG)` });
        continue;
      }
      decoded.push({ field, label, position, bytes });
    }
  }
  const source = decoded.find((d) => d.field === "image");
  const sourceFacts = source ? await measureImage(source.bytes) : undefined;
  for (const d of decoded) {
    if (d.field === "mask_image") {
      const facts = await measureMask(d.bytes);
      const against = sourceFacts ?? { width: facts.width, height: facts.height };
      problems.push(...maskProblems(d.field, facts, against));
    } else {
      const facts = d === source ? sourceFacts! : await measureImage(d.bytes);
      problems.push(...inputImageProblems(d.label, facts).map((p) => ({ field: d.field, message: p.message })));
    }
  }
  return { decoded, problems };
}

/**
 * Checks and stores each inline input image once, by content hash, and builds the request that
 * goes upstream. URLs are passed through: the gateway fetches them itself, and in offline mode
 * the built-in engine does, from public addresses only (lib/net/fetch-public-url.ts).
 */
export async function storeRequestInputs(db: Db, request: GenerationRequest): Promise<StoredInputs> {
  const { decoded, problems } = await decodeAll(request as Record<string, unknown>);
  if (problems.length > 0) {
    throw new AppError("validation_failed", problems.map((p) => p.message).join("; "), { fields: problems });
  }
  const params: Record<string, unknown> = { ...request };
  const upstream: Record<string, unknown> = { ...request };
  const links: InputLink[] = [];
  let inputSize: StoredInputs["inputSize"];
  const store = getBlobStore();
  for (const d of decoded) {
    const info = await inspectImage(d.bytes, { maxPixels: MAX_DECODE_PIXELS, field: d.field });
    const sha256 = sha256Hex(d.bytes);
    const blobKey = `inputs/${sha256}.${info.format === "jpeg" ? "jpg" : info.format}`;
    if (!(await store.has(blobKey))) await store.put(blobKey, d.bytes);
    await upsertInput(db, {
      sha256,
      contentType: info.contentType,
      width: info.width,
      height: info.height,
      byteSize: d.bytes.length,
      blobKey,
      sourceImageId: await findImageIdBySha(db, sha256),
    });
    links.push({ inputSha256: sha256, role: d.field, position: d.position });
    const toSend = d.field === "mask_image" && maskNeedsInversion(request.task_type) ? await invertMask(d.bytes) : d.bytes;
    setAt(params, d.field, d.position, { input: sha256 });
    setAt(upstream, d.field, d.position, toSend.toString("base64"));
    if ((d.field === "image" || d.field === "images") && !inputSize) inputSize = { width: info.width, height: info.height };
  }
  return { params, links, inputSize, upstream: upstream as GenerationRequest };
}

function setAt(target: Record<string, unknown>, field: string, position: number, value: unknown): void {
  const current = target[field];
  if (Array.isArray(current)) {
    const copy = [...current];
    copy[position] = value;
    target[field] = copy;
  } else {
    target[field] = value;
  }
}

export async function linkStoredInputs(db: Db, jobId: string, links: InputLink[]): Promise<void> {
  if (links.length > 0) await linkJobInputs(db, jobId, links);
}
