import "server-only";
import { createHash } from "node:crypto";
import { eachLimit } from "@/lib/move/each-limit";
import { MoveError } from "@/lib/move/move-error";
import type { BlobStore } from "@/lib/storage";

export interface BlobFacts {
  sha256: string;
  size: number;
}

export interface BlobCopy {
  total: number;
  /** Written by this run. */
  copied: number;
  /** In the target already with the same bytes (an earlier, interrupted run): left alone. */
  alreadyThere: number;
  bytes: number;
  /** Keys the target holds with other bytes: never overwritten; the move fails on them. */
  conflicts: string[];
  /** What each source blob is, for the verifier. */
  facts: Map<string, BlobFacts>;
}

export interface CopyBlobsOptions {
  concurrency: number;
  /** After each blob, with the tally so far; may throw to stop (tests). */
  onBlob?: (done: number, copy: BlobCopy) => void;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Copies blobs between two stores through the BlobStore interface alone (files to S3, or files
 * to files in tests). A store's `put` is complete-or-absent, so a run cut short leaves whole
 * blobs or none; the next run reads what the target has and skips a blob whose bytes are
 * already there (same size and sha256), so re-running costs reads, not writes.
 */
export async function copyBlobs(from: BlobStore, to: BlobStore, keys: readonly string[], opts: CopyBlobsOptions): Promise<BlobCopy> {
  const copy: BlobCopy = { total: keys.length, copied: 0, alreadyThere: 0, bytes: 0, conflicts: [], facts: new Map() };
  let done = 0;
  await eachLimit(keys, opts.concurrency, async (key) => {
    const bytes = await from.get(key);
    if (!bytes) throw new MoveError(`blob ${key} disappeared from the source while the move ran: is the app running?`);
    const facts = { sha256: sha256(bytes), size: bytes.byteLength };
    copy.facts.set(key, facts);
    const there = await to.get(key);
    if (there === null) {
      await to.put(key, bytes);
      copy.copied++;
    } else if (there.byteLength === facts.size && sha256(there) === facts.sha256) {
      copy.alreadyThere++;
    } else {
      copy.conflicts.push(key);
    }
    copy.bytes += facts.size;
    opts.onBlob?.(++done, copy);
  });
  copy.conflicts.sort();
  return copy;
}

export interface BlobCheck {
  checked: number;
  /** Keys the target lacks or holds with other bytes. */
  wrong: string[];
}

/** Reads every copied blob back from the target and compares its size and sha256 with the source's. */
export async function verifyBlobs(
  to: BlobStore,
  facts: ReadonlyMap<string, BlobFacts>,
  opts: { concurrency: number; onBlob?: (done: number, total: number) => void },
): Promise<BlobCheck> {
  const keys = [...facts.keys()];
  const wrong: string[] = [];
  let done = 0;
  await eachLimit(keys, opts.concurrency, async (key) => {
    const bytes = await to.get(key);
    const want = facts.get(key)!;
    if (!bytes || bytes.byteLength !== want.size || sha256(bytes) !== want.sha256) wrong.push(key);
    opts.onBlob?.(++done, keys.length);
  });
  return { checked: keys.length, wrong: wrong.sort() };
}
