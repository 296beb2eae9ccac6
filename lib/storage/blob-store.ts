import "server-only";

/**
 * Where image bytes live. Keys are relative paths such as `outputs/<job>/0.png`; the database
 * stores keys, never locations, so a different store can replace this one without a migration.
 */
export interface BlobStore {
  /** Stores the bytes under `key`, replacing any previous value; all or nothing. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  /**
   * The bytes as a stream, with their length, or null when there is no such key: what image
   * routes send, so a large image never sits whole in memory. The caller must read the stream to
   * its end or cancel it (that releases the file or the connection).
   */
  getStream(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  has(key: string): Promise<boolean>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Resolves when the store can be written (the folder exists and is writable; the bucket is
   * reachable with these credentials); otherwise rejects with an error whose message names what
   * is wrong, without secrets (`GET /api/ready` shows it).
   */
  checkReady(): Promise<void>;
}

const KEY_RE = /^[a-z0-9._-]+(?:\/[a-z0-9._-]+)*$/;

/**
 * Keys become file paths (and later object names), so only a small alphabet is allowed, with no
 * absolute paths, empty, `.` or `..` segments. Segments starting with "." are refused too: the
 * local store uses such names for its temporary files.
 */
export function assertValidKey(key: string): void {
  const ok =
    key.length > 0 &&
    key.length <= 512 &&
    KEY_RE.test(key) &&
    key.split("/").every((seg) => !seg.startsWith("."));
  if (!ok) throw new Error(`invalid blob key ${JSON.stringify(key)}: use [a-z0-9/._-], relative, no "." segments`);
}
