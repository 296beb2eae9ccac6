/**
 * What the share tests (owner side and visitor side) stand on (besides a temporary data folder,
 * lib/testing/temp-data-dir.ts): four jobs whose params cover every kind a share may show or hide,
 * small real image files, and helpers for tokens and errors.
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Db } from "@/lib/db/client";
import type { ImageRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";

export const DAY = 24 * 60 * 60 * 1000;
export const SHA = (c: string) => c.repeat(64);

export function tokenOf(share: { path: string | null }): string {
  expect(share.path).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
  return share.path!.slice(3);
}

export async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Small real image bytes for an image row: a PNG at blobKey and a WebP thumbnail at thumbKey. */
export async function putBlobs(img: ImageRow, rgb: { r: number; g: number; b: number }): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: rgb } }).png().toBuffer();
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: rgb } }).webp().toBuffer();
  await getBlobStore().put(img.blobKey, png);
  await getBlobStore().put(img.thumbKey, webp);
  return png;
}

export interface ShareFixture {
  /** Two images of a text-to-image job with a negative prompt. */
  lighthouse: ImageRow[];
  /** An inpainting job: image reference and a mask prompt in its params. */
  car: ImageRow;
  /** A colour-guided job: colours (a list of strings) and a reference image. */
  poster: ImageRow;
  /** A variation job: a list of image references. */
  variation: ImageRow;
}

export async function seedShareFixture(db: Db): Promise<ShareFixture> {
  const j1 = await insertTestJob(db, {
    taskType: "TEXT_IMAGE",
    prompt: "a lighthouse at dusk",
    params: { prompt: "a lighthouse at dusk", negative_prompt: "fog", quality: "standard", cfg_scale: 6.5, seed: 42, number_of_images: 2 },
  });
  const j2 = await insertTestJob(db, {
    taskType: "INPAINTING",
    prompt: "a red car",
    params: { prompt: "a red car", mask_prompt: "the car", image: { input: SHA("a") }, quality: "premium" },
  });
  const j3 = await insertTestJob(db, {
    taskType: "COLOR_GUIDED_GENERATION",
    prompt: "a poster",
    params: { prompt: "a poster", colors: ["#FF0000", "#00FF00"], reference_image: { input: SHA("b") }, quality: "standard" },
  });
  const j4 = await insertTestJob(db, {
    taskType: "IMAGE_VARIATION",
    prompt: null,
    params: { images: [{ input: SHA("c") }, { input: SHA("d") }], similarity_strength: 0.7, quality: "standard" },
  });
  const lighthouse = await insertTestImages(db, [testImage(j1.id, 0, { width: 1024, height: 768 }), testImage(j1.id, 1)]);
  const [car] = await insertTestImages(db, [testImage(j2.id, 0, { width: 512, height: 512 })]);
  const [poster] = await insertTestImages(db, [testImage(j3.id, 0)]);
  const [variation] = await insertTestImages(db, [testImage(j4.id, 0)]);
  return { lighthouse, car, poster, variation };
}

/**
 * Seeds the describe block's database and points the mocked database (`holder`, read by the test
 * file's vi.mock of getDb in @/lib/db/client) at it while the block runs. Returns the fixture, filled
 * in once the block's beforeAll has run.
 */
export function bindShareDb(db: () => Db, holder: { db: unknown }): ShareFixture {
  const fx = {} as ShareFixture;
  beforeAll(async () => {
    holder.db = db();
    Object.assign(fx, await seedShareFixture(db()));
  });
  beforeEach(() => {
    holder.db = db();
  });
  afterAll(() => {
    holder.db = undefined;
  });
  return fx;
}
