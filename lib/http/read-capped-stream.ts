/**
 * A byte stream read to its end, or cancelled at the first chunk that takes it past `limit`
 * (null then): the one loop behind every size-limited read, of requests (read-body.ts) and of
 * upstream downloads (lib/upstream/read-capped-body.ts).
 */
export async function readCappedStream(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | null> {
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
