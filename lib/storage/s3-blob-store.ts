import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";

export interface S3BlobStoreOptions {
  bucket: string;
  /** An S3-compatible server (MinIO, R2, s3rver); unset: AWS's endpoint for `region`. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** "" or a key prefix ending in "/" ("playground/"), so several installs can share a bucket. */
  prefix: string;
  /** A ready client (tests, the move script); otherwise one is made with the SDK's credential chain. */
  client?: S3Client;
}

const READY_TIMEOUT_MS = 5_000;

/**
 * Objects in an S3 bucket (or an S3-compatible server). One PutObject is atomic, so `put` is
 * complete-or-absent like the local store's rename; deletes are idempotent in S3 itself.
 *
 * Credentials come only from the AWS SDK's standard chain (env, profile, instance role); this
 * file never sees them. SDK errors are not passed on: they can carry fields of the server's
 * reply (an access key id, the string that was signed), so callers get a new error with the
 * operation, the key and a short reason instead (`s3Failure`).
 */
export function createS3BlobStore(opts: S3BlobStoreOptions): BlobStore {
  assertValidPrefix(opts.prefix);
  const { bucket, prefix } = opts;
  const client =
    opts.client ??
    new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      // Checksums only where S3 requires them: with the defaults the SDK frames uploads as
      // aws-chunked, which several S3-compatible servers store verbatim (corrupted images).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // A dead endpoint must fail a request, not hang it.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  const objectKey = (key: string) => {
    assertValidKey(key);
    return prefix + key;
  };


  /** One request for `key`: a missing object gives `ifMissing()` (when given), any other failure a safe error. */
  const request = async <T>(op: string, key: string, send: (Key: string) => Promise<T>, ifMissing?: () => T): Promise<T> => {
    const Key = objectKey(key);
    try {
      return await send(Key);
    } catch (e) {
      if (ifMissing && isMissingObject(e)) return ifMissing();
      throw s3Failure(op, key, e);
    }
  };

  return {
    async put(key, bytes) {
      await request("put", key, (Key) => client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: bytes, ContentLength: bytes.byteLength })));
    },

    get: (key) =>
      request(
        "get",
        key,
        async (Key) => {
          const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
          const bytes = await out.Body!.transformToByteArray();
          return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        },
        () => null,
      ),

    getStream: (key) =>
      request(
        "get",
        key,
        async (Key) => {
          const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
          const body = out.Body!.transformToWebStream() as ReadableStream<Uint8Array>;
          if (out.ContentLength === undefined) {
            // S3 always sends it; the image routes cannot answer without it.
            await body.cancel();
            throw new Error("the server sent no Content-Length");
          }
          return { body, size: out.ContentLength };
        },
        () => null,
      ),

    has: (key) =>
      request(
        "has",
        key,
        async (Key) => {
          await client.send(new HeadObjectCommand({ Bucket: bucket, Key }));
          return true;
        },
        () => false,
      ),

    async delete(key) {
      // S3 answers 204 for a missing key; some compatible servers answer 404.
      await request(
        "delete",
        key,
        async (Key) => {
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
        },
        () => undefined,
      );
    },

    async checkReady() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(READY_TIMEOUT_MS) });
      } catch (e) {
        const where = opts.endpoint ? `at ${displayEndpoint(opts.endpoint)}` : `in AWS region ${opts.region}`;
        throw new Error(`the S3 bucket "${bucket}" ${where} cannot be used: ${readyReason(e)}`);
      }
    },
  };
}

/** "" or a valid key followed by "/": the same alphabet and no "." segments, so prefix + key is a valid key path too. */
function assertValidPrefix(prefix: string): void {
  if (prefix === "") return;
  try {
    if (!prefix.endsWith("/")) throw new Error("no trailing /");
    assertValidKey(prefix.slice(0, -1));
  } catch {
    throw new Error(`invalid S3 key prefix ${JSON.stringify(prefix)}: use "" or [a-z0-9/._-] ending in "/", no "." segments`);
  }
}

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** GetObject says NoSuchKey, HeadObject (no body) NotFound; a missing bucket must not look like a missing key. */
function isMissingObject(e: unknown): boolean {
  const err = e as SdkError;
  if (err?.name === "NoSuchBucket") return false;
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
}

/** A new error with a short reason: never the SDK's error object (see createS3BlobStore). */
function s3Failure(op: string, key: string, e: unknown): Error {
  return new Error(`S3 ${op} of "${key}" failed: ${reasonOf(e)}`);
}

function readyReason(e: unknown): string {
  const err = e as SdkError;
  const status = err?.$metadata?.httpStatusCode;
  if (err?.name === "CredentialsProviderError") {
    return "no credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or give the machine a role)";
  }
  if (status === 404 || err?.name === "NotFound" || err?.name === "NoSuchBucket") return "the bucket does not exist (404)";
  if (status === 403) return "access denied (403): check the credentials and the bucket's policy";
  if (status === 301) return "the bucket is in another region (301): check S3_REGION";
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `no answer within ${READY_TIMEOUT_MS / 1000} s`;
  return reasonOf(e);
}

const ACCESS_KEY_ID_RE = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;

/**
 * Name, status and the first line of the message. A network error has only a code
 * (ECONNREFUSED) and sometimes an empty message (AggregateError); the message is the server's
 * own words otherwise, so anything shaped like an access key id is masked all the same.
 */
function reasonOf(e: unknown): string {
  const err = e as SdkError;
  const name = err?.code ?? err?.name ?? "Error";
  const status = err?.$metadata?.httpStatusCode;
  const message = String(err?.message ?? "")
    .split("\n")[0]
    .replace(ACCESS_KEY_ID_RE, "[access key id]")
    .slice(0, 200);
  const parts = [status ? `${name} (${status})` : name];
  if (message && message !== name && message !== "UnknownError") parts.push(message);
  return parts.join(": ");
}

/** The endpoint without any user:password@ part. */
function displayEndpoint(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "the configured endpoint";
  }
}
