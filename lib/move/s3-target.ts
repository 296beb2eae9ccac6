import "server-only";
import type { Env } from "@/lib/env";
import { MoveError } from "@/lib/move/move-error";
import { redactUrl } from "@/lib/move/redact-url";
import type { BlobTarget } from "@/lib/move/run-move";
import { createS3BlobStore } from "@/lib/storage";

/**
 * `--to-s3`: the bucket the app will use, from the same S3_* settings (lib/env.ts), so the moved
 * blobs are exactly where the app on the target looks. Credentials come from the AWS SDK's chain
 * and are never seen here; the label names the bucket, prefix and endpoint only.
 */
export function s3BlobTarget(e: Pick<Env, "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_FORCE_PATH_STYLE" | "S3_PREFIX">): BlobTarget {
  if (!e.S3_BUCKET) {
    throw new MoveError("--to-s3 needs S3_BUCKET (with S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE and S3_PREFIX as the app on the target will have them)");
  }
  const store = createS3BlobStore({ bucket: e.S3_BUCKET, endpoint: e.S3_ENDPOINT, region: e.S3_REGION, forcePathStyle: e.S3_FORCE_PATH_STYLE, prefix: e.S3_PREFIX });
  const where = e.S3_ENDPOINT ? `at ${redactUrl(e.S3_ENDPOINT)}` : `in AWS region ${e.S3_REGION}`;
  return { store, label: `s3://${e.S3_BUCKET}/${e.S3_PREFIX} ${where}` };
}
