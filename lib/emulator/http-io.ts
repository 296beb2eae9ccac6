import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, EngineError } from "@/lib/emulator/api-error";

/** Reading and writing the wire: size-limited JSON bodies, JSON and PNG responses. */

export function payloadTooLarge(limit: number): EngineError {
  return new EngineError(413, "invalid_request_error", "payload_too_large", `Request body is larger than ${limit} bytes`);
}

/**
 * Reads the body, refusing early on a declared Content-Length over the limit and otherwise as
 * soon as the streamed bytes pass it (chunked uploads declare nothing).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) throw badRequest("invalid_json", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (e) {
    throw badRequest("invalid_json", `Request body is not valid JSON: ${(e as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: EngineError): void {
  // A body cut off by the size limit is still arriving: close instead of reading megabytes more.
  const extra: Record<string, string> = err.status === 413 ? { Connection: "close" } : {};
  sendJson(res, err.status, err.toEnvelope(), { ...err.headers, ...extra });
}

export function sendPng(res: ServerResponse, png: Buffer, maxAgeSeconds: number): void {
  res.writeHead(200, {
    "Content-Type": "image/png",
    "Content-Length": String(png.length),
    "Cache-Control": `private, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "X-Content-Type-Options": "nosniff",
  });
  res.end(png);
}
