import "server-only";
import type { Db } from "@/lib/db/client";
import { findImageIdBySha, linkJobInputs, upsertInput } from "@/lib/db/input-queries";
import { decodeImageInput, inspectImage, sha256Hex } from "@/lib/images";
import { getBlobStore } from "@/lib/storage";
import type { GenerationRequest } from "@/lib/models";

/** Request fields that carry images, in the order the gateway documents them. */
const IMAGE_FIELDS = ["image", "images", "reference_image", "mask_image"] as const;
/** The contract's input limit (4,194,304 px); decoding stops beyond it. */
const MAX_INPUT_PIXELS = 4_194_304;

export type { JobInputLink as InputLink } from "@/lib/db/input-queries";
import type { JobInputLink as InputLink } from "@/lib/db/input-queries";

export interface StoredInputs {
  /** The request with every inline image replaced by `{ input: sha256 }`: no bytes in the DB. */
  params: Record<string, unknown>;
  links: InputLink[];
  /** Size of the first source image, which decides the price tier of size-keeping tasks. */
  inputSize?: { width: number; height: number };
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * Stores each inline input image once, by content hash. URLs are kept as they are (the gateway
 * fetches them itself).
 */
export async function storeRequestInputs(db: Db, request: GenerationRequest): Promise<StoredInputs> {
  const params: Record<string, unknown> = { ...request };
  const links: InputLink[] = [];
  let inputSize: StoredInputs["inputSize"];
  for (const field of IMAGE_FIELDS) {
    const value = params[field];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    const refs: unknown[] = [];
    for (const [position, item] of list.entries()) {
      if (isUrl(item)) {
        refs.push(item);
        continue;
      }
      const bytes = decodeImageInput(item, field);
      const info = await inspectImage(bytes, { maxPixels: MAX_INPUT_PIXELS });
      const sha256 = sha256Hex(bytes);
      const blobKey = `inputs/${sha256}.${info.format === "jpeg" ? "jpg" : info.format}`;
      const store = getBlobStore();
      if (!(await store.has(blobKey))) await store.put(blobKey, bytes);
      const sourceImageId = await findImageIdBySha(db, sha256);
      await upsertInput(db, {
        sha256,
        contentType: info.contentType,
        width: info.width,
        height: info.height,
        byteSize: bytes.length,
        blobKey,
        sourceImageId,
      });
      links.push({ inputSha256: sha256, role: field, position });
      refs.push({ input: sha256 });
      if ((field === "image" || field === "images") && !inputSize) inputSize = { width: info.width, height: info.height };
    }
    params[field] = Array.isArray(value) ? refs : refs[0];
  }
  return { params, links, inputSize };
}

export async function linkStoredInputs(db: Db, jobId: string, links: InputLink[]): Promise<void> {
  if (links.length > 0) await linkJobInputs(db, jobId, links);
}
