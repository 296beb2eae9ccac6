import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";

export { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";
export { createLocalBlobStore } from "@/lib/storage/local-blob-store";

// On globalThis like the database: hot reload must not hand out a second instance.
const g = globalThis as typeof globalThis & { __novaBlobStore?: BlobStore };

/** The app's blob store: `${DATA_DIR}/blobs`. (S3 would be chosen here; see README.md.) */
export function getBlobStore(): BlobStore {
  g.__novaBlobStore ??= createLocalBlobStore(path.join(env().DATA_DIR, "blobs"));
  return g.__novaBlobStore;
}
