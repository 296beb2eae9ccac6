import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Reads a response body of at most `maxBytes`, counted as it streams: a declared
 * Content-Length over the cap is refused before reading, and a body that runs past it (chunked,
 * or a length that lied) is cancelled at the first chunk beyond it. Over the cap is an
 * `invalid_request` (the caller's words in `what`): retrying would fetch the same file.
 */
export async function readCappedBody(res: Response, maxBytes: number, what: string): Promise<Buffer> {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} bytes`;
  const tooLarge = () => new AppError("invalid_request", `${what} is larger than ${limit}, the most the server downloads; it was not stored.`);
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
