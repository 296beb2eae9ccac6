import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/**
 * A throwaway S3-compatible server for tests and benchmarks: s3rver in this process, on
 * 127.0.0.1 at a port the OS picks, keeping its objects in a temp folder that `stop()` removes.
 * Starts in milliseconds, so start one per test file (or per spec/bench run).
 *
 * No vitest imports and relative imports only: Playwright specs and bench scripts use it too.
 */
export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** The bucket created at start. */
  bucket: string;
  /** What an S3Client needs to talk to this server (s3rver's fixed credentials, path-style, no streaming checksums). */
  clientConfig: S3ClientConfig & { endpoint: string; region: string; forcePathStyle: true };
  /**
   * The same as environment variables, for an app process started against this server
   * (S3_* as lib/env.ts reads them; the credentials through the AWS SDK's standard chain).
   */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** s3rver accepts requests signed with these (any other key is refused: tests of bad credentials use that). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export async function startS3Server(opts: { bucket?: string } = {}): Promise<S3Server> {
  // s3rver wants bucket names of 3+ characters.
  const bucket = opts.bucket ?? "nova-test";
  const directory = await mkdtemp(path.join(os.tmpdir(), "nova-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    // Path-style only: no <bucket>.localhost host names to resolve.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  let address: AddressInfo;
  try {
    address = (await server.run()) as AddressInfo;
  } catch (e) {
    await rm(directory, { recursive: true, force: true });
    throw e;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  const region = "us-east-1";
  return {
    endpoint,
    bucket,
    clientConfig: {
      endpoint,
      region,
      forcePathStyle: true,
      credentials: { ...S3RVER_CREDENTIALS },
      // With the defaults the SDK streams uploads with aws-chunked framing, which s3rver stores
      // verbatim: the bytes would come back corrupted (docs/stack-notes.md).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    },
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: region,
      S3_FORCE_PATH_STYLE: "1",
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    async stop() {
      // Keep-alive sockets of clients would hold close() open until they time out.
      server.httpServer?.closeAllConnections?.();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
