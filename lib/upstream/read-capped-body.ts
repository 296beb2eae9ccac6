import "server-only";
import { AppError } from "@/lib/errors";
import { readCappedStream } from "@/lib/http/read-capped-stream";

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
  const bytes = await readCappedStream(res.body, maxBytes);
  if (!bytes) throw tooLarge();
  return bytes;
}
