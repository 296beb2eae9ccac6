import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { Queryable } from "@/lib/db/client";
import type { GalleryRow } from "@/lib/db/gallery-queries";
import { linkJobInputs, upsertInput } from "@/lib/db/input-queries";
import { imageLineage, LINEAGE_CHILDREN_MAX } from "@/lib/db/lineage-queries";
import type { ImageRow, InputRow } from "@/lib/db/schema";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

const BASE = Date.UTC(2026, 5, 1, 12, 0, 0);
const at = (seconds: number) => new Date(BASE + seconds * 1000);

/** An input row made from one of our images (same bytes, so same hash), as the submit path stores it. */
function inputFrom(db: Queryable, image: ImageRow): Promise<InputRow> {
  return upsertInput(db, {
    sha256: image.sha256,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    byteSize: image.byteSize,
    blobKey: `inputs/${image.sha256}.png`,
    sourceImageId: image.id,
  });
}

/** A plain upload: no image of ours behind it. */
function upload(db: Queryable): Promise<InputRow> {
  const sha256 = randomBytes(32).toString("hex");
  return upsertInput(db, { sha256, contentType: "image/png", width: 512, height: 512, byteSize: 123, blobKey: `inputs/${sha256}.png` });
}

const ids = (rows: GalleryRow[]) => rows.map((r) => r.id);

forEachDialect("image lineage", (t) => {
  // Job 1 makes A and A2; job 2 takes A (twice: a list field) and makes B1, B2 (B2 newer);
  // job 3 takes B1 plus a plain upload as mask and makes C.
  let A: ImageRow;
  let A2: ImageRow;
  let B1: ImageRow;
  let B2: ImageRow;
  let C: ImageRow;
  let job2Id = "";

  beforeAll(async () => {
    const db = t.db;
    const job1 = await insertTestJob(db, { taskType: "TEXT_IMAGE", prompt: "a lighthouse", params: { prompt: "a lighthouse", quality: "standard" } });
    [A, A2] = await insertTestImages(db, [testImage(job1.id, 0, { createdAt: at(0) }), testImage(job1.id, 1, { createdAt: at(1) })]);
    expect(A.index).toBe(0);

    const job2 = await insertTestJob(db, { taskType: "IMAGE_VARIATION", prompt: "more like this", params: { prompt: "more like this", quality: "premium" } });
    job2Id = job2.id;
    const inA = await inputFrom(db, A);
    await linkJobInputs(db, job2.id, [
      { inputSha256: inA.sha256, role: "images", position: 0 },
      { inputSha256: inA.sha256, role: "images", position: 1 },
    ]);
    // Index order and time order differ: B1 (index 0) is older than B2 (index 1).
    [B1, B2] = await insertTestImages(db, [testImage(job2.id, 0, { createdAt: at(10) }), testImage(job2.id, 1, { createdAt: at(20) })]);
    expect(B1.index).toBe(0);

    const job3 = await insertTestJob(db, { taskType: "INPAINTING", prompt: "add a boat", params: { prompt: "add a boat" } });
    const inB1 = await inputFrom(db, B1);
    const mask = await upload(db);
    expect(mask.sourceImageId).toBeNull();
    await linkJobInputs(db, job3.id, [
      { inputSha256: inB1.sha256, role: "image" },
      { inputSha256: mask.sha256, role: "mask_image" },
    ]);
    [C] = await insertTestImages(db, [testImage(job3.id, 0, { createdAt: at(30) })]);
  });

  it("an image made from scratch has no parents; its children are the images of the job that took it, newest first", async () => {
    const l = await imageLineage(t.db, A);
    expect(l.parents).toEqual([]);
    // Taken twice by job 2, still each child once; C (a grandchild) is not a child.
    expect(ids(l.children)).toEqual([B2.id, B1.id]);
  });

  it("a sibling of a used image has no lineage of its own", async () => {
    expect(await imageLineage(t.db, A2)).toEqual({ parents: [], children: [] });
  });

  it("a middle image has its parent and its child", async () => {
    const l = await imageLineage(t.db, B1);
    expect(ids(l.parents)).toEqual([A.id]);
    expect(ids(l.children)).toEqual([C.id]);
  });

  it("a sibling made by the same job shares the parent but not the child", async () => {
    const l = await imageLineage(t.db, B2);
    expect(ids(l.parents)).toEqual([A.id]);
    expect(l.children).toEqual([]);
  });

  it("the last image's parent is only the image of ours it came from (not the plain upload)", async () => {
    const l = await imageLineage(t.db, C);
    expect(ids(l.parents)).toEqual([B1.id]);
    expect(l.children).toEqual([]);
  });

  it("lineage rows are gallery rows with their job facts", async () => {
    const { children } = await imageLineage(t.db, A);
    expect(children[0]).toMatchObject({
      id: B2.id,
      jobId: job2Id,
      index: 1,
      taskType: "IMAGE_VARIATION",
      prompt: "more like this",
      quality: "premium",
      sha256: B2.sha256,
      favorite: false,
    });
    expect(children[0].createdAt.getTime()).toBe(at(20).getTime());
    const { parents } = await imageLineage(t.db, C);
    expect(parents[0]).toMatchObject({ id: B1.id, taskType: "IMAGE_VARIATION", quality: "premium" });
    const { parents: cParents } = await imageLineage(t.db, B1);
    expect(cParents[0]).toMatchObject({ id: A.id, taskType: "TEXT_IMAGE", prompt: "a lighthouse", quality: "standard" });
  });

  it("an unknown image has no lineage", async () => {
    const job = await insertTestJob(t.db);
    expect(await imageLineage(t.db, { id: "00000000-0000-4000-8000-000000000000", jobId: job.id })).toEqual({ parents: [], children: [] });
  });

  it("a job that feeds one of its own images back in is not its own child", async () => {
    const own = await t.create();
    try {
      const jobS = await insertTestJob(own.db);
      const [S1, S2] = await insertTestImages(own.db, [testImage(jobS.id, 0, { createdAt: at(0) }), testImage(jobS.id, 1, { createdAt: at(1) })]);
      const inS1 = await inputFrom(own.db, S1);
      await linkJobInputs(own.db, jobS.id, [{ inputSha256: inS1.sha256, role: "image" }]);
      expect((await imageLineage(own.db, S1)).children).toEqual([]);
      expect((await imageLineage(own.db, S2)).children).toEqual([]);

      // Another job that takes S1 is a child; S's own images still are not.
      const jobT = await insertTestJob(own.db, { taskType: "OUTPAINTING" });
      await linkJobInputs(own.db, jobT.id, [{ inputSha256: inS1.sha256, role: "image" }]);
      const [T1, T2] = await insertTestImages(own.db, [testImage(jobT.id, 0, { createdAt: at(5) }), testImage(jobT.id, 1, { createdAt: at(6) })]);
      expect(ids((await imageLineage(own.db, S1)).children)).toEqual([T2.id, T1.id]);
      expect((await imageLineage(own.db, S2)).children).toEqual([]);
      expect(ids((await imageLineage(own.db, T1)).parents)).toEqual([S1.id]);
    } finally {
      await own.close();
    }
  });

  it("an image made from two of ours has both as parents, each once", async () => {
    const own = await t.create();
    try {
      const job1 = await insertTestJob(own.db);
      const [P, Q] = await insertTestImages(own.db, [testImage(job1.id, 0, { createdAt: at(2) }), testImage(job1.id, 1, { createdAt: at(1) })]);
      const [inP, inQ] = [await inputFrom(own.db, P), await inputFrom(own.db, Q)];
      const job2 = await insertTestJob(own.db, { taskType: "IMAGE_VARIATION" });
      await linkJobInputs(own.db, job2.id, [
        { inputSha256: inP.sha256, role: "images", position: 0 },
        { inputSha256: inQ.sha256, role: "images", position: 1 },
        { inputSha256: inP.sha256, role: "images", position: 2 },
        { inputSha256: (await upload(own.db)).sha256, role: "images", position: 3 },
      ]);
      const [D] = await insertTestImages(own.db, [testImage(job2.id, 0, { createdAt: at(9) })]);
      const { parents, children } = await imageLineage(own.db, D);
      expect(parents).toHaveLength(2);
      expect(new Set(ids(parents))).toEqual(new Set([P.id, Q.id]));
      expect(children).toEqual([]);
      expect(ids((await imageLineage(own.db, P)).children)).toEqual([D.id]);
      expect(ids((await imageLineage(own.db, Q)).children)).toEqual([D.id]);
    } finally {
      await own.close();
    }
  });

  it(`lists at most ${LINEAGE_CHILDREN_MAX} children, the newest (ties broken by id, descending)`, async () => {
    expect(LINEAGE_CHILDREN_MAX).toBe(24);
    const own = await t.create();
    try {
      const parentJob = await insertTestJob(own.db);
      const [P] = await insertTestImages(own.db, [testImage(parentJob.id, 0, { createdAt: at(0) })]);
      const inP = await inputFrom(own.db, P);
      const made: ImageRow[] = [];
      for (let i = 0; i < 30; i++) {
        const job = await insertTestJob(own.db, { taskType: "IMAGE_VARIATION" });
        await linkJobInputs(own.db, job.id, [{ inputSha256: inP.sha256, role: "images" }]);
        // Three children per second: created_at ties across jobs.
        made.push(...(await insertTestImages(own.db, [testImage(job.id, 0, { createdAt: at(100 + Math.floor(i / 3)) })])));
      }
      const want = [...made]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, 24)
        .map((r) => r.id);
      const { parents, children } = await imageLineage(own.db, P);
      expect(parents).toEqual([]);
      expect(children).toHaveLength(24);
      expect(ids(children)).toEqual(want);
      // The six oldest are the ones left out.
      const oldest = new Set(made.filter((r) => r.createdAt.getTime() < at(102).getTime()).map((r) => r.id));
      expect(oldest.size).toBe(6);
      expect(ids(children).some((id) => oldest.has(id))).toBe(false);
      // Each child still names P as its only parent.
      for (const r of made.slice(0, 3)) expect(ids((await imageLineage(own.db, r)).parents)).toEqual([P.id]);
    } finally {
      await own.close();
    }
  });
});
