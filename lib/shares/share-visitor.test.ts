import { eq } from "drizzle-orm";
import sharp from "sharp";
import { expect, it, vi } from "vitest";
import { jobs } from "@/lib/db/schema";
import { sharedImageResponse } from "@/lib/shares/share-image-response";
import { sharePreviewPng } from "@/lib/shares/share-preview";
import { createShare, openShare, readShares, revokeShare, sharedImageFile } from "@/lib/shares/share-service";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { bindShareDb, DAY, putBlobs, tokenOf } from "@/lib/testing/share-fixtures";

/** The visitor side of shares: what a token opens (and what it never reaches), image files and responses, the preview. */

// share-service takes its database from lib/db (getDb); here it is the describe block's test db.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));

withTempDataDir("share-visitor");

forEachDialect("share-visitor", (t) => {
  const fx = bindShareDb(() => t.db, holder);

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
