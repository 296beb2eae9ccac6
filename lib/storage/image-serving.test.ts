import { existsSync } from "node:fs";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { inputs } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { readImageFile, readInputFile } from "@/lib/gallery/gallery-service";
import { imageResponse } from "@/lib/http/image-response";
import { sharedImageResponse } from "@/lib/shares/share-image-response";
import { createShare } from "@/lib/shares/share-service";
import { bindShareDb, putBlobs, SHA, tokenOf } from "@/lib/testing/share-fixtures";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { forPglite } from "@/lib/testing/test-databases";
import { setTestEnv } from "@/lib/testing/test-env";

/**
 * What the image routes send (the same calls as app/api/images/[id]/{file,thumb},
 * app/api/inputs/[sha] and app/s/[token]/{i,t}/[n]) with the blob store on files and with it on
 * S3 (getBlobStore() choosing by S3_BUCKET): status, every header and the bytes must be the same.
 */

const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));

withTempDataDir("image-serving");

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.stop();
});

const g = globalThis as { __novaBlobStore?: unknown };

/** Makes getBlobStore() build its store again from the environment given (S3 or files). */
function storageFromEnv(kind: "files" | "s3"): () => void {
  delete g.__novaBlobStore;
  const restore = setTestEnv(kind === "s3" ? s3.env : { S3_BUCKET: undefined });
  return () => {
    restore();
    delete g.__novaBlobStore;
  };
}

interface Served {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function served(res: Response | Promise<Response>): Promise<Served> {
  const r = await res;
  return { status: r.status, headers: Object.fromEntries(r.headers.entries()), body: Buffer.from(await r.arrayBuffer()) };
}

forPglite("images served from S3 and from files", (t) => {
  const fx = bindShareDb(() => t.db, holder);

  it("have the same status, headers and bytes on every image route", async () => {
    const inputSha = SHA("e");
    await t.db.insert(inputs).values({ sha256: inputSha, contentType: "image/png", width: 16, height: 16, byteSize: 1, blobKey: `inputs/${inputSha}.png` });
    const share = await createShare({ imageIds: [fx.poster.id, fx.car.id], title: "Both stores" });
    const token = tokenOf(share);

    const results: Record<string, Record<string, Served>> = {};
    const originals: Record<string, Buffer> = {};
    // S3 first: $DATA_DIR/blobs must still be empty after it.
    for (const kind of ["s3", "files"] as const) {
      const restore = storageFromEnv(kind);
      try {
        // The same pixels in both stores, written through the store the app would pick.
        originals[kind] = await putBlobs(fx.car, { r: 200, g: 20, b: 20 });
        await putBlobs(fx.poster, { r: 20, g: 200, b: 20 });
        await putBlobs({ ...fx.lighthouse[0], blobKey: `inputs/${inputSha}.png` }, { r: 1, g: 2, b: 3 });
        results[kind] = {
          file: await served(imageResponse(await readImageFile(fx.car.id, "file"), false)),
          download: await served(imageResponse(await readImageFile(fx.car.id, "file"), true)),
          thumb: await served(imageResponse(await readImageFile(fx.car.id, "thumb"), false)),
          input: await served(imageResponse(await readInputFile(inputSha), false)),
          sharedFile: await served(sharedImageResponse(token, "2", "file")),
          sharedThumb: await served(sharedImageResponse(token, "1", "thumb")),
          sharedMissing: await served(sharedImageResponse(token, "3", "file")),
        };
        if (kind === "s3") expect(existsSync(path.join(env().DATA_DIR, "blobs"))).toBe(false);
      } finally {
        restore();
      }
    }

    expect(results.s3).toEqual(results.files);
    const { file, download, thumb, sharedFile } = results.s3;
    expect(file.body.equals(originals.s3)).toBe(true);
    expect(file.headers).toEqual({
      "content-type": "image/png",
      "content-length": String(originals.s3.length),
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-disposition": `inline; filename="nova-${fx.car.jobId.slice(0, 8)}-1.png"`,
    });
    expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
    expect(thumb.headers["content-type"]).toBe("image/webp");
    expect(sharedFile.headers).toMatchObject({ "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer", "x-content-type-options": "nosniff" });
    expect(results.s3.sharedMissing.status).toBe(404);

    // With S3 chosen the bytes went to the bucket, under their keys.
    const client = new S3Client(s3.clientConfig);
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: fx.car.blobKey }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(originals.s3)).toBe(true);
    client.destroy();
  });
});
