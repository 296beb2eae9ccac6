import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { images, jobs, shareImages, shares, type ImageRow } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sharedImageResponse } from "@/lib/shares/share-image-response";
import { sharePreviewPng } from "@/lib/shares/share-preview";
import {
  createShare,
  editShare,
  openShare,
  readShares,
  removeShare,
  revokeShare,
  sharedImageFile,
  shareStatus,
} from "@/lib/shares/share-service";
import { hashShareToken } from "@/lib/shares/share-token";
import { getBlobStore } from "@/lib/storage";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { forgetDataSecrets } from "@/lib/secrets/data-secret";

// share-service takes its database from the app runtime; here it is the describe block's test db.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/jobs/runtime", () => ({
  getRuntime: async () => {
    if (!holder.db) throw new Error("test db not set");
    return { db: holder.db };
  },
}));

const g = globalThis as { __novaBlobStore?: unknown };
const originalDataDir = process.env.DATA_DIR;
let dataDir = "";

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "nova-share-service-"));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  forgetDataSecrets();
  delete g.__novaBlobStore;
});

afterAll(async () => {
  forgetDataSecrets();
  delete g.__novaBlobStore;
  if (originalDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = originalDataDir;
  resetEnvForTests();
  await rm(dataDir, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
const SHA = (c: string) => c.repeat(64);

function tokenOf(share: { path: string | null }): string {
  expect(share.path).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
  return share.path!.slice(3);
}

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Small real image bytes for an image row: a PNG at blobKey and a WebP thumbnail at thumbKey. */
async function putBlobs(img: ImageRow, rgb: { r: number; g: number; b: number }): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: rgb } }).png().toBuffer();
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: rgb } }).webp().toBuffer();
  await getBlobStore().put(img.blobKey, png);
  await getBlobStore().put(img.thumbKey, webp);
  return png;
}

interface Fixture {
  /** Two images of a text-to-image job with a negative prompt. */
  lighthouse: ImageRow[];
  /** An inpainting job: image reference and a mask prompt in its params. */
  car: ImageRow;
  /** A colour-guided job: colours (a list of strings) and a reference image. */
  poster: ImageRow;
  /** A variation job: a list of image references. */
  variation: ImageRow;
}

async function seed(db: Db): Promise<Fixture> {
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

forEachDialect("share-service", (t) => {
  let fx: Fixture;

  beforeAll(async () => {
    holder.db = t.db;
    fx = await seed(t.db);
  });

  beforeEach(() => {
    holder.db = t.db;
  });

  afterAll(() => {
    holder.db = undefined;
  });

  it("createShare returns /s/<22 chars>, status active, the image count and the defaults", async () => {
    const before = Date.now();
    const share = await createShare({ imageIds: [fx.car.id, fx.poster.id], title: "  Cars  " });
    tokenOf(share);
    expect(share).toMatchObject({
      title: "Cars",
      description: "",
      status: "active",
      imageCount: 2,
      viewCount: 0,
      showPrompts: false,
      showParams: false,
      allowIndexing: false,
      revokedAt: null,
    });
    const expires = Date.parse(share.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expect(Date.parse(share.createdAt)).not.toBeNaN();
  });

  it("createShare with expiry never has no expiry date", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Forever", expiry: "never" });
    expect(share.expiresAt).toBeNull();
    expect(share.status).toBe("active");
  });

  it("createShare counts a repeated id once", async () => {
    const share = await createShare({ imageIds: [fx.car.id, fx.car.id, fx.poster.id], title: "Twice" });
    expect(share.imageCount).toBe(2);
    const opened = await openShare(tokenOf(share));
    expect(opened?.images.map((i) => i.n)).toEqual([1, 2]);
  });

  it("createShare refuses an unknown image id with validation_failed naming imageIds", async () => {
    const unknown = randomUUID();
    const before = (await readShares()).length;
    const err = await appErrorOf(createShare({ imageIds: [fx.car.id, unknown], title: "Nope" }));
    expect(err.code).toBe("validation_failed");
    expect(err.status).toBe(422);
    expect(err.fields).toHaveLength(1);
    expect(err.fields[0].field).toBe("imageIds");
    expect(err.fields[0].message).toContain("imageIds");
    expect(err.fields[0].message).toContain(unknown);
    expect(err.message).toContain(unknown);
    // Nothing was stored.
    expect(await readShares()).toHaveLength(before);
  });

  it("createShare refuses an invalid body with the schema's field errors", async () => {
    const err = await appErrorOf(createShare({ imageIds: [], title: "", extra: 1 }));
    expect(err.code).toBe("validation_failed");
    expect(err.fields.map((f) => f.field).sort()).toEqual(["extra", "imageIds", "title"]);
    expect(err.message).toContain("title must not be empty");
    expect(err.message).toContain("imageIds must name at least 1 image");

    const notJson = await appErrorOf(createShare(null));
    expect(notJson.code).toBe("validation_failed");
  });

  // Found by this test: ids used to be compared in the case they were sent in.
  it("createShare accepts an existing image id written in upper case", async () => {
    const share = await createShare({ imageIds: [fx.car.id.toUpperCase()], title: "Upper" });
    expect(share.imageCount).toBe(1);
  });

  it("openShare returns the images in the given order, numbered 1..k, prompts and params hidden by default", async () => {
    const order = [fx.poster, fx.lighthouse[1], fx.lighthouse[0], fx.car, fx.variation];
    const share = await createShare({ imageIds: order.map((i) => i.id), title: "Mixed", description: "Some images" });
    const token = tokenOf(share);
    const opened = await openShare(token);
    expect(opened).not.toBeNull();
    expect(opened).toMatchObject({ token, title: "Mixed", description: "Some images", showPrompts: false, showParams: false, allowIndexing: false });
    expect(opened!.images.map((i) => i.n)).toEqual([1, 2, 3, 4, 5]);
    expect(opened!.images.map((i) => i.taskType)).toEqual(["COLOR_GUIDED_GENERATION", "TEXT_IMAGE", "TEXT_IMAGE", "INPAINTING", "IMAGE_VARIATION"]);
    expect(opened!.images.map((i) => [i.width, i.height])).toEqual([
      [1024, 1024],
      [1024, 1024],
      [1024, 768],
      [512, 512],
      [1024, 1024],
    ]);
    for (const img of opened!.images) {
      expect(img.prompt).toBeNull();
      expect(img.params).toBeNull();
    }
    // Visitors see positions, never ids, keys or costs.
    const text = JSON.stringify(opened);
    for (const img of order) {
      expect(text).not.toContain(img.id);
      expect(text).not.toContain(img.jobId);
      expect(text).not.toContain(img.blobKey);
    }
    expect(text).not.toMatch(/cost/i);
    expect(text).not.toContain(share.id);
  });

  it("showPrompts shows the prompt; params stay null unless showParams", async () => {
    const share = await createShare({ imageIds: [fx.lighthouse[0].id, fx.variation.id], title: "Prompts", showPrompts: true });
    const opened = await openShare(tokenOf(share));
    expect(opened!.showPrompts).toBe(true);
    expect(opened!.images.map((i) => i.prompt)).toEqual(["a lighthouse at dusk", null]);
    expect(opened!.images.map((i) => i.params)).toEqual([null, null]);
  });

  it("showParams without showPrompts: scalar params only, no image references, no prompt keys", async () => {
    const ids = [fx.lighthouse[0].id, fx.car.id, fx.poster.id, fx.variation.id];
    const share = await createShare({ imageIds: ids, title: "Params", showParams: true });
    const opened = await openShare(tokenOf(share));
    const params = opened!.images.map((i) => i.params!);
    for (const img of opened!.images) expect(img.prompt).toBeNull();
    for (const p of params) {
      expect(p).not.toBeNull();
      for (const [k, v] of Object.entries(p)) {
        expect(k).not.toMatch(/prompt/);
        // Never an object (image references); the only list is colours, of strings.
        if (Array.isArray(v)) for (const item of v) expect(typeof item).toBe("string");
        else expect(typeof v === "object" && v !== null, k).toBe(false);
      }
      expect(JSON.stringify(p)).not.toMatch(/input|[0-9a-f]{64}/);
    }
    expect(params[0]).toEqual({ quality: "standard", cfg_scale: 6.5, seed: 42, number_of_images: 2 });
    expect(params[1]).toEqual({ quality: "premium" });
    expect(params[2]).toEqual({ quality: "standard", colors: ["#FF0000", "#00FF00"] });
    expect(params[3]).toEqual({ similarity_strength: 0.7, quality: "standard" });
  });

  it("showParams with showPrompts: prompt keys are kept, image references still dropped", async () => {
    const share = await createShare({ imageIds: [fx.lighthouse[0].id, fx.car.id], title: "All", showParams: true, showPrompts: true });
    const opened = await openShare(tokenOf(share));
    expect(opened!.images[0].prompt).toBe("a lighthouse at dusk");
    expect(opened!.images[0].params).toEqual({ prompt: "a lighthouse at dusk", negative_prompt: "fog", quality: "standard", cfg_scale: 6.5, seed: 42, number_of_images: 2 });
    expect(opened!.images[1].params).toEqual({ prompt: "a red car", mask_prompt: "the car", quality: "premium" });
  });

  it("countView increments viewCount, as readShares shows; a plain open does not", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Views" });
    const token = tokenOf(share);
    await openShare(token, { countView: true });
    await openShare(token, { countView: true });
    await openShare(token);
    await openShare(token, { countView: false });
    const listed = (await readShares()).find((s) => s.id === share.id);
    expect(listed?.viewCount).toBe(2);
  });

  it("readShares lists shares newest first with their image counts and links", async () => {
    const a = await createShare({ imageIds: [fx.car.id], title: "Older" });
    await new Promise((r) => setTimeout(r, 5));
    const b = await createShare({ imageIds: [fx.car.id, fx.poster.id, fx.variation.id], title: "Newer" });
    const list = await readShares();
    const ia = list.findIndex((s) => s.id === a.id);
    const ib = list.findIndex((s) => s.id === b.id);
    expect(ib).toBeGreaterThanOrEqual(0);
    expect(ib).toBeLessThan(ia);
    expect(list[ib]).toMatchObject({ imageCount: 3, path: b.path, title: "Newer", status: "active" });
    expect(list[ia]).toMatchObject({ imageCount: 1, path: a.path });
    for (let i = 1; i < list.length; i++) expect(Date.parse(list[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(list[i].createdAt));
  });

  it("revokeShare stops the page, the image files and the image responses at once", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Revoke me" });
    const token = tokenOf(share);
    expect(await openShare(token)).not.toBeNull();
    expect(await sharedImageFile(token, 1, "file")).not.toBeNull();
    // The collage is kept in memory (the same bytes come back), but the share is checked first.
    const preview = await sharePreviewPng(token);
    expect(preview).not.toBeNull();
    expect(await sharePreviewPng(token)).toBe(preview);

    const revoked = await revokeShare(share.id);
    expect(revoked.status).toBe("revoked");
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.imageCount).toBe(1);

    expect(await openShare(token)).toBeNull();
    expect(await openShare(token, { countView: true })).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();
    expect(await sharedImageFile(token, 1, "thumb")).toBeNull();
    const res = await sharedImageResponse(token, "1", "file");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await sharePreviewPng(token)).toBeNull();

    const listed = (await readShares()).find((s) => s.id === share.id);
    expect(listed).toMatchObject({ status: "revoked", viewCount: 0 });

    // Revoking again keeps the first revocation time.
    const again = await revokeShare(share.id, new Date(Date.now() + DAY));
    expect(again.revokedAt).toBe(revoked.revokedAt);
    // Editing cannot bring it back.
    const edited = await editShare(share.id, { title: "Still revoked" });
    expect(edited.status).toBe("revoked");
    expect(await openShare(token)).toBeNull();
  });

  it("an expired share (1d, created 2 days ago) does not open and shows as expired", async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    const share = await createShare({ imageIds: [fx.car.id], title: "Old", expiry: "1d" }, twoDaysAgo);
    const token = tokenOf(share);
    expect(share.status).toBe("expired");
    expect(Date.parse(share.expiresAt!)).toBe(twoDaysAgo.getTime() + DAY);
    expect(await openShare(token)).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();
    expect((await sharedImageResponse(token, "1", "thumb")).status).toBe(404);
    expect((await readShares()).find((s) => s.id === share.id)?.status).toBe("expired");
  });

  it("a share created 12 hours ago with expiry 1d is still active", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Recent", expiry: "1d" }, new Date(Date.now() - DAY / 2));
    expect(share.status).toBe("active");
    expect(await openShare(tokenOf(share))).not.toBeNull();
  });

  it("shareStatus: revoked wins over expired; expiry at exactly now is expired", () => {
    const now = new Date("2025-06-01T00:00:00Z");
    expect(shareStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(shareStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(shareStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(shareStatus({ revokedAt: now, expiresAt: new Date(now.getTime() - DAY) }, now)).toBe("revoked");
  });

  it("editShare changes title and showPrompts, and the visitor sees the change", async () => {
    const share = await createShare({ imageIds: [fx.lighthouse[0].id], title: "Before" });
    const token = tokenOf(share);
    expect((await openShare(token))!.images[0].prompt).toBeNull();

    const edited = await editShare(share.id, { title: "  After  ", showPrompts: true, description: "new words" });
    expect(edited).toMatchObject({ id: share.id, title: "After", showPrompts: true, description: "new words", imageCount: 1, path: share.path, status: "active" });
    const opened = await openShare(token);
    expect(opened).toMatchObject({ title: "After", description: "new words", showPrompts: true });
    expect(opened!.images[0].prompt).toBe("a lighthouse at dusk");

    // An empty patch changes nothing.
    const same = await editShare(share.id, {});
    expect(same).toMatchObject({ title: "After", showPrompts: true });
  });

  it("editShare validates: empty title, unknown key; unknown id is not_found", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Valid" });
    const empty = await appErrorOf(editShare(share.id, { title: "" }));
    expect(empty.code).toBe("validation_failed");
    expect(empty.fields).toEqual([{ field: "title", message: "title must not be empty" }]);

    const unknownKey = await appErrorOf(editShare(share.id, { expiry: "never" }));
    expect(unknownKey.code).toBe("validation_failed");
    expect(unknownKey.fields[0].field).toBe("expiry");

    expect((await appErrorOf(editShare(randomUUID(), { title: "x" }))).code).toBe("not_found");
    expect((await appErrorOf(editShare("not-an-id", { title: "x" }))).code).toBe("not_found");
    expect((await appErrorOf(revokeShare("'; drop table shares;--"))).code).toBe("not_found");

    // The refused edits left the share as it was.
    expect((await readShares()).find((s) => s.id === share.id)?.title).toBe("Valid");
  });

  it("removeShare deletes the share and its links, not the images", async () => {
    const share = await createShare({ imageIds: [fx.car.id, fx.poster.id], title: "Remove me" });
    const token = tokenOf(share);
    await removeShare(share.id);
    expect((await readShares()).some((s) => s.id === share.id)).toBe(false);
    expect(await openShare(token)).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();

    const links = await t.db.select().from(shareImages).where(eq(shareImages.shareId, share.id));
    expect(links).toHaveLength(0);
    const stillThere = await t.db.select({ id: images.id }).from(images).where(inArray(images.id, [fx.car.id, fx.poster.id]));
    expect(stillThere).toHaveLength(2);

    expect((await appErrorOf(removeShare(share.id))).code).toBe("not_found");
  });

  it("sharedImageFile returns the blob key of image n (file or thumb), and null outside 1..count", async () => {
    const share = await createShare({ imageIds: [fx.poster.id, fx.car.id], title: "My \"best\" cars / 2025" });
    const token = tokenOf(share);
    expect(await sharedImageFile(token, 1, "file")).toEqual({
      key: fx.poster.blobKey,
      contentType: "image/png",
      name: "My-best-cars-2025-1.png",
    });
    expect(await sharedImageFile(token, 2, "thumb")).toEqual({
      key: fx.car.thumbKey,
      contentType: "image/webp",
      name: "My-best-cars-2025-2.webp",
    });
    for (const n of [0, -1, 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await sharedImageFile(token, n, "file"), String(n)).toBeNull();
    }
  });

  it("a share's token cannot reach an image beyond its own count", async () => {
    const small = await createShare({ imageIds: [fx.car.id], title: "Small" });
    const big = await createShare({ imageIds: [fx.poster.id, fx.lighthouse[0].id, fx.variation.id], title: "Big" });
    const smallToken = tokenOf(small);
    expect((await sharedImageFile(smallToken, 1, "file"))?.key).toBe(fx.car.blobKey);
    expect(await sharedImageFile(smallToken, 2, "file")).toBeNull(); // n = count + 1
    expect(await sharedImageFile(smallToken, 3, "thumb")).toBeNull();
    expect((await sharedImageResponse(smallToken, "2", "file")).status).toBe(404);
    // The big share's own token reaches its images.
    expect((await sharedImageFile(tokenOf(big), 3, "file"))?.key).toBe(fx.variation.blobKey);
  });

  it("malformed tokens give null without touching the database", async () => {
    // Any database access would throw: a malformed token must be refused before the query.
    holder.db = new Proxy(
      {},
      {
        get() {
          throw new Error("database touched");
        },
      },
    );
    for (const bad of ["", "short", "A".repeat(23), "'; drop table shares;--", "../../etc/passwd", `${"A".repeat(21)}+`]) {
      expect(await openShare(bad), bad).toBeNull();
      expect(await openShare(bad, { countView: true }), bad).toBeNull();
      expect(await sharedImageFile(bad, 1, "file"), bad).toBeNull();
      expect((await sharedImageResponse(bad, "1", "file")).status).toBe(404);
      expect(await sharePreviewPng(bad)).toBeNull();
    }
    holder.db = t.db;
  });

  it("a well-formed token that matches no share gives null", async () => {
    expect(await openShare("A".repeat(22))).toBeNull();
    expect(await sharedImageFile("A".repeat(22), 1, "file")).toBeNull();
    // A share's id is not its token.
    const share = await createShare({ imageIds: [fx.car.id], title: "Id is not token" });
    expect(await openShare(share.id)).toBeNull();
  });

  it("the stored row holds the token's SHA-256 and a sealed copy, never the token itself", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Hashed" });
    const token = tokenOf(share);
    const [row] = await t.db.select().from(shares).where(eq(shares.id, share.id));
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenSealed).not.toContain(token);
    // No column, read raw, holds the token.
    const raw = await t.db.execute<Record<string, unknown>>(sql`select * from shares where id = ${share.id}`);
    expect(raw.rows).toHaveLength(1);
    expect(JSON.stringify(raw.rows[0])).not.toContain(token);
    const anywhere = await t.db.execute(sql`select id from shares where token_hash = ${token} or token_sealed = ${token} or title = ${token}`);
    expect(anywhere.rows).toHaveLength(0);
  });

  it("the link is not shown again when the key of the data folder is gone", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Other key" });
    const token = tokenOf(share);
    // As if the share had been sealed under another data folder's key: replace this folder's key.
    const file = path.join(process.env.DATA_DIR!, "secrets", "share-link.key");
    const saved = await readFile(file);
    await writeFile(file, Buffer.alloc(32, 7));
    forgetDataSecrets();
    try {
      const listed = (await readShares()).find((s) => s.id === share.id);
      expect(listed?.path).toBeNull();
      // The link itself still works: lookups use the hash, not the sealed copy.
      expect(await openShare(token)).not.toBeNull();
    } finally {
      await writeFile(file, saved);
      forgetDataSecrets();
    }
  });

  // Found by this test: image URLs used to look up the stored position, which a deletion leaves
  // with a gap; they now go by rank, like the page's numbering.
  it("after a shared image is deleted, image n of the page is image n of the file URLs", async () => {
    const job = await insertTestJob(t.db, { prompt: "doomed" });
    const [doomed] = await insertTestImages(t.db, [testImage(job.id, 0)]);
    const share = await createShare({ imageIds: [fx.car.id, doomed.id, fx.poster.id], title: "Gap" });
    const token = tokenOf(share);
    await t.db.delete(jobs).where(eq(jobs.id, job.id));
    const opened = await openShare(token);
    expect(opened!.images.map((i) => i.n)).toEqual([1, 2]);
    expect((await sharedImageFile(token, 2, "file"))?.key).toBe(fx.poster.blobKey);
  });

  it("sharedImageResponse serves the bytes with no-store headers, inline or as a download", async () => {
    const png = await putBlobs(fx.car, { r: 200, g: 20, b: 20 });
    await putBlobs(fx.poster, { r: 20, g: 200, b: 20 });
    const share = await createShare({ imageIds: [fx.poster.id, fx.car.id], title: "Served" });
    const token = tokenOf(share);

    const res = await sharedImageResponse(token, "2", "file");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="Served-2.png"');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(png)).toBe(true);
    expect(res.headers.get("content-length")).toBe(String(png.length));

    const dl = await sharedImageResponse(token, "2", "file", true);
    expect(dl.headers.get("content-disposition")).toBe('attachment; filename="Served-2.png"');

    const thumb = await sharedImageResponse(token, "1", "thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe("webp");

    for (const n of ["0", "3", "abc", "1.0", "-1", "", "12345", "1 "]) {
      const miss = await sharedImageResponse(token, n, "file");
      expect(miss.status, JSON.stringify(n)).toBe(404);
      expect(miss.headers.get("cache-control")).toBe("no-store");
    }

    // A live share whose blob is missing gives the same bare 404.
    const bare = await createShare({ imageIds: [fx.variation.id], title: "No bytes" });
    expect((await sharedImageResponse(tokenOf(bare), "1", "file")).status).toBe(404);

    await revokeShare(share.id);
    expect((await sharedImageResponse(token, "2", "file")).status).toBe(404);
  });

  it("sharePreviewPng makes a 1200×630 PNG for 1 to 5 images, and does not count a view", async () => {
    await putBlobs(fx.car, { r: 200, g: 20, b: 20 });
    await putBlobs(fx.poster, { r: 20, g: 200, b: 20 });
    await putBlobs(fx.lighthouse[0], { r: 20, g: 20, b: 200 });
    await putBlobs(fx.lighthouse[1], { r: 200, g: 200, b: 20 });
    await putBlobs(fx.variation, { r: 20, g: 200, b: 200 });
    const all = [fx.car, fx.poster, fx.lighthouse[0], fx.lighthouse[1], fx.variation];
    for (const count of [1, 2, 3, 4, 5]) {
      const share = await createShare({ imageIds: all.slice(0, count).map((i) => i.id), title: `Preview ${count}` });
      const png = await sharePreviewPng(tokenOf(share));
      expect(png, `count ${count}`).not.toBeNull();
      const meta = await sharp(png!).metadata();
      expect(meta).toMatchObject({ format: "png", width: 1200, height: 630 });
      expect((await readShares()).find((s) => s.id === share.id)?.viewCount).toBe(0);
    }

    // One image fills the whole preview: its centre has the image's colour, not the background.
    const one = await createShare({ imageIds: [fx.car.id], title: "One" });
    const { data } = await sharp((await sharePreviewPng(tokenOf(one)))!).raw().toBuffer({ resolveWithObject: true });
    const centre = (315 * 1200 + 600) * 3;
    expect(Math.abs(data[centre] - 200)).toBeLessThan(16);
    expect(data[centre + 1]).toBeLessThan(60);
  });

  it("sharePreviewPng is null for revoked and expired shares", async () => {
    await putBlobs(fx.car, { r: 200, g: 20, b: 20 });
    const revoked = await createShare({ imageIds: [fx.car.id], title: "Revoked preview" });
    expect(await sharePreviewPng(tokenOf(revoked))).not.toBeNull();
    await revokeShare(revoked.id);
    expect(await sharePreviewPng(tokenOf(revoked))).toBeNull();
    const expired = await createShare({ imageIds: [fx.car.id], title: "Expired preview", expiry: "1d" }, new Date(Date.now() - 2 * DAY));
    expect(await sharePreviewPng(tokenOf(expired))).toBeNull();
  });
});
