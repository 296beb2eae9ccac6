import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Reads a JSON body with a hard size limit. The stream is counted as it arrives, so a client
 * that lies in Content-Length (or sends none) still cannot make us buffer more than `limit`.
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  const limitText = `${Math.round(limit / 1024 / 1024)} MB`;
  if (Number.isFinite(declared) && declared > limit) {
    throw new AppError("payload_too_large", `The request body is ${Math.round(declared / 1024 / 1024)} MB; the limit is ${limitText}.`);
  }
  if (!req.body) throw new AppError("invalid_request", "The request body is empty; send a JSON object.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", `The request body is larger than the limit of ${limitText}.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("invalid_request", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid_request", `The request body is not valid JSON (${(e as Error).message}).`);
  }
}
