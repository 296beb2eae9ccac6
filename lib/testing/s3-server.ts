import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
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

export interface S3ServerOptions {
  /** Default "nova-test" (s3rver wants 3+ characters). */
  bucket?: string;
  /**
   * Run s3rver in a child process instead of this one, so its work does not share the caller's
   * event loop (benchmarks timing the app's side of a request).
   */
  separateProcess?: boolean;
}

export async function startS3Server(opts: S3ServerOptions = {}): Promise<S3Server> {
  const bucket = opts.bucket ?? "nova-test";
  const directory = await mkdtemp(path.join(os.tmpdir(), "nova-s3-"));
  let running: { port: number; stop(): Promise<void> };
  try {
    running = opts.separateProcess ? await runInChild(directory, bucket) : await runHere(directory, bucket);
  } catch (e) {
    await rm(directory, { recursive: true, force: true });
    throw e;
  }
  const endpoint = `http://127.0.0.1:${running.port}`;
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
      await running.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function s3rverOptions(directory: string, bucket: string) {
  return {
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    // Path-style only: no <bucket>.localhost host names to resolve.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [] }],
  };
}

async function runHere(directory: string, bucket: string): Promise<{ port: number; stop(): Promise<void> }> {
  const server = new S3rver(s3rverOptions(directory, bucket));
  const address = (await server.run()) as AddressInfo;
  return {
    port: address.port,
    async stop() {
      // Keep-alive sockets of clients would hold close() open until they time out.
      server.httpServer?.closeAllConnections?.();
      await server.close();
    },
  };
}

// The child prints its port as one JSON line once it listens; it stops on SIGTERM.
const CHILD_MAIN = `
const S3rver = require(process.argv[1]);
const options = JSON.parse(process.argv[2]);
new S3rver(options).run().then(
  (address) => process.stdout.write(JSON.stringify({ port: address.port }) + "\\n"),
  (e) => { console.error(e); process.exit(1); },
);
process.on("SIGTERM", () => process.exit(0));
`;

async function runInChild(directory: string, bucket: string): Promise<{ port: number; stop(): Promise<void> }> {
  const s3rverPath = createRequire(import.meta.url).resolve("s3rver");
  const child = spawn(process.execPath, ["-e", CHILD_MAIN, s3rverPath, JSON.stringify(s3rverOptions(directory, bucket))], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = once(child, "exit");
  try {
    const [line] = (await Promise.race([
      once(createInterface({ input: child.stdout! }), "line"),
      exited.then(([code]) => Promise.reject(new Error(`s3rver exited before listening (code ${code})`))),
    ])) as [string];
    const { port } = JSON.parse(line) as { port: number };
    return {
      port,
      async stop() {
        process.removeListener("exit", killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          await exited;
        }
      },
    };
  } catch (e) {
    process.removeListener("exit", killOnExit);
    child.kill("SIGKILL");
    throw e;
  }
}
