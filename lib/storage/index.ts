import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";

export { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";
export { createLocalBlobStore } from "@/lib/storage/local-blob-store";
export { createS3BlobStore, type S3BlobStoreOptions } from "@/lib/storage/s3-blob-store";

// On globalThis like the database: hot reload must not hand out a second instance.
const g = globalThis as typeof globalThis & { __novaBlobStore?: BlobStore };

/** The app's blob store: the S3 bucket when S3_BUCKET is set, otherwise `${DATA_DIR}/blobs`. */
export function getBlobStore(): BlobStore {
  g.__novaBlobStore ??= createConfiguredStore();
  return g.__novaBlobStore;
}

function createConfiguredStore(): BlobStore {
  const e = env();
  if (e.S3_BUCKET) {
    return createS3BlobStore({
      bucket: e.S3_BUCKET,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
      prefix: e.S3_PREFIX,
    });
  }
  return createLocalBlobStore(path.join(e.DATA_DIR, "blobs"));
}
