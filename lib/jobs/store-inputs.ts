import "server-only";
import type { Db } from "@/lib/db/client";
import { findImageIdBySha, upsertInput } from "@/lib/db/input-queries";
import type { FieldError } from "@/lib/errors";
import { validationFailed } from "@/lib/field-errors";
import { checkInputImage, checkMask, decodeImageInput, inspectImage, sha256Hex, type InputImageInfo } from "@/lib/images";
import { applyOrientation } from "@/lib/images/orient";
import { getBlobStore } from "@/lib/storage";
import { INPUT_IMAGE_LIMITS, type ModelRequest } from "@/lib/models";

/** Request fields that carry images, in the order the gateway documents them. */
const IMAGE_FIELDS = ["image", "images", "reference_image", "mask_image"] as const;

export type { JobInputLink as InputLink } from "@/lib/db/input-queries";
import type { JobInputLink as InputLink } from "@/lib/db/input-queries";

export interface StoredInputs {
  /** The request with every inline image replaced by `{ input: sha256 }`: no bytes in the DB. */
  params: Record<string, unknown>;
  links: InputLink[];
  /** Size of the first source image, which decides the price tier of size-keeping tasks. */
  inputSize?: { width: number; height: number };
}

interface Decoded {
  field: string;
  label: string;
  position: number;
  bytes: Buffer;
}

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/** Every inline image of the request, as bytes (base64 decoded; nothing decoded as an image yet). */
function inlineImages(request: Record<string, unknown>): Decoded[] {
  const out: Decoded[] = [];
  for (const field of IMAGE_FIELDS) {
    const value = request[field];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    for (const [position, item] of list.entries()) {
      if (isUrl(item)) continue;
      const label = Array.isArray(value) ? `${field}[${position}]` : field;
      out.push({ field, label, position, bytes: decodeImageInput(item, field) });
    }
  }
  return out;
}

/**
 * Checks every inline image against the contract's rules (lib/images/input-rules.ts: sizes from
 * the header before any decode, then a complete, bounded decode), the mask against the source
 * image, and only then applies EXIF orientation to the images that passed.
 */
async function checkAll(request: Record<string, unknown>): Promise<{ decoded: Decoded[]; problems: FieldError[] }> {
  const inline = inlineImages(request);
  const problems: FieldError[] = [];
  let source: InputImageInfo | null = null;
  for (const d of inline.filter((i) => i.field !== "mask_image")) {
    const check = await checkInputImage(d.bytes, d.label);
    if (d.field === "image" && !source) source = check.info;
    problems.push(...check.problems.map((p) => ({ field: d.field, message: p.message })));
  }
  for (const d of inline.filter((i) => i.field === "mask_image")) {
    const check = await checkMask(d.bytes, source, { field: d.label });
    problems.push(...check.problems.map((p) => ({ field: d.field, message: p.message })));
  }
  if (problems.length > 0) return { decoded: [], problems };
  const decoded: Decoded[] = [];
  for (const d of inline) decoded.push({ ...d, bytes: (await applyOrientation(d.bytes)).bytes });
  return { decoded, problems };
}

/**
 * Checks and stores each inline input image once, by content hash (oriented, masks as painted).
 * What goes upstream is built from what is stored, when the run leaves the queue
 * (upstream-request.ts). URLs are passed through: the gateway fetches them itself, and in offline
 * mode the built-in engine does, from public addresses only (lib/net/fetch-public-url.ts).
 */
export async function storeRequestInputs(db: Db, request: ModelRequest): Promise<StoredInputs> {
  const { decoded, problems } = await checkAll(request);
  if (problems.length > 0) {
    throw validationFailed(problems);
  }
  const params: Record<string, unknown> = { ...request };
  const links: InputLink[] = [];
  let inputSize: StoredInputs["inputSize"];
  const store = getBlobStore();
  for (const d of decoded) {
    const info = await inspectImage(d.bytes, { maxPixels: INPUT_IMAGE_LIMITS.maxPixels, field: d.field });
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
    setAt(params, d.field, d.position, { input: sha256 });
    if ((d.field === "image" || d.field === "images") && !inputSize) inputSize = { width: info.width, height: info.height };
  }
  return { params, links, inputSize };
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
