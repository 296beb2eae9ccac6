import { beforeEach, expect, it, vi } from "vitest";
import { images, shareImages, shares } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { deleteImages, sharesUsing } from "@/lib/gallery/delete-images";
import { parseImageIds } from "@/lib/gallery/image-ids";
import { getBlobStore } from "@/lib/storage";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";

// delete-images takes its database from lib/db (getDb); here it is the test database.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => holder.db,
}));

withTempDataDir("delete-images");

it("parseImageIds names the field and the limit", () => {
  const message = (raw: unknown) => {
    try {
      parseImageIds(raw);
      return "ok";
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).message;
    }
  };
  expect(message(42)).toBe("imageIds must be a list of image ids");
  expect(message("x"), "a form post sends one comma-separated string").toBe('imageIds holds "x", which is not an image id');
  expect(message([])).toBe("imageIds must name at least 1 image");
  expect(message(Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`))).toBe("imageIds must name at most 500 images (got 501)");
  expect(message(["nope"])).toBe('imageIds holds "nope", which is not an image id');
  expect(parseImageIds(["00000000-0000-4000-8000-00000000000A", "00000000-0000-4000-8000-00000000000a"])).toEqual(["00000000-0000-4000-8000-00000000000a"]);
});

forEachDialect("deleteImages", (t) => {
  beforeEach(() => {
    holder.db = t.db;
  });

  it("removes the rows and their place in shares; a blob goes only when no remaining image uses it", async () => {
    const store = getBlobStore();
    const job = await insertTestJob(t.db);
    const shared = { blobKey: `outputs/shared-${job.id}.png`, thumbKey: `thumbs/shared-${job.id}.webp` };
    const [a, b, c] = await insertTestImages(t.db, [
      testImage(job.id, 0, shared),
      testImage(job.id, 1, shared),
      testImage(job.id, 2, { blobKey: `outputs/own-${job.id}.png`, thumbKey: `thumbs/own-${job.id}.webp` }),
    ]);
    for (const key of [shared.blobKey, shared.thumbKey, c.blobKey, c.thumbKey]) await store.put(key, Buffer.from(key));
    const [share] = await t.db.insert(shares).values({ tokenHash: `h-${job.id}`, tokenSealed: "x", title: "t" }).returning();
    await t.db.insert(shareImages).values([a, c].map((img, position) => ({ shareId: share.id, imageId: img.id, position })));

    expect(await sharesUsing([a.id, b.id])).toBe(1);
    expect(await sharesUsing([b.id])).toBe(0);

    expect(await deleteImages([a.id, c.id])).toEqual({ deleted: 2, blobsRemoved: 2 });
    expect(await store.get(c.blobKey), "c's own file is gone").toBeNull();
    expect(await store.get(c.thumbKey)).toBeNull();
    expect(await store.get(shared.blobKey), "b still uses the shared file").not.toBeNull();
    const left = await t.db.select({ id: images.id }).from(images);
    expect(left.map((r) => r.id)).toContain(b.id);
    expect(left.map((r) => r.id)).not.toContain(a.id);
    expect(await t.db.select().from(shareImages), "the share lost both deleted images").toHaveLength(0);

    expect(await deleteImages([b.id])).toEqual({ deleted: 1, blobsRemoved: 2 });
    expect(await store.get(shared.blobKey), "now nothing uses it").toBeNull();
    expect(await deleteImages([b.id]), "deleting again is a no-op").toEqual({ deleted: 0, blobsRemoved: 0 });
  });
});
