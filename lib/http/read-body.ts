import "server-only";
import { AppError } from "@/lib/errors";
import { readCappedStream } from "@/lib/http/read-capped-stream";

/**
 * The one way a request body is read. A route declares what it takes (JSON, a urlencoded form,
 * or nothing) and how many bytes; the guard (handle-route.ts) reads it here before the handler
 * runs. A declared Content-Length over the limit is refused before a byte is read, and the stream
 * is counted as it arrives, so a chunked body or a lying client cannot make us buffer more.
 */
export type BodyType = "json" | "form";

export interface BodySpec<T extends BodyType = BodyType> {
  accepts: readonly T[];
  maxBytes: number;
}

/** What a route with body type T receives: JSON as parsed (its service validates it), or form fields. */
export type ParsedBody<T extends BodyType = BodyType> = T extends "json"
  ? { type: "json"; value: unknown }
  : { type: "form"; value: URLSearchParams };

const MEDIA: Record<BodyType, { pattern: RegExp; name: string }> = {
  json: { pattern: /^application\/json\s*(;|$)/i, name: "application/json" },
  form: { pattern: /^application\/x-www-form-urlencoded\s*(;|$)/i, name: "application/x-www-form-urlencoded" },
};

export const jsonBody = (maxBytes: number): BodySpec<"json"> => ({ accepts: ["json"], maxBytes });
export const formBody = (maxBytes: number): BodySpec<"form"> => ({ accepts: ["form"], maxBytes });
export const jsonOrFormBody = (maxBytes: number): BodySpec<"json" | "form"> => ({ accepts: ["json", "form"], maxBytes });

export function describeBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

const tooLarge = (limit: number, size?: number) =>
  new AppError(
    "payload_too_large",
    size === undefined
      ? `The request body is larger than the limit of ${describeBytes(limit)}.`
      : `The request body is ${describeBytes(size)}; the limit is ${describeBytes(limit)}.`,
  );

/** Refuses a declared Content-Length over `limit` without reading anything. */
export function checkDeclaredLength(req: Request, limit: number): void {
  const raw = req.headers.get("content-length");
  if (raw === null) return;
  const declared = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(declared)) {
    throw new AppError("invalid_request", "The Content-Length header is not a number of bytes.");
  }
  if (declared > limit) throw tooLarge(limit, declared);
}

/** The body's bytes, at most `limit` of them. */
export async function readBodyBytes(req: Request, limit: number): Promise<Buffer> {
  checkDeclaredLength(req, limit);
  const bytes = await readCappedStream(req.body, limit);
  if (!bytes) throw tooLarge(limit);
  return bytes;
}

function typeOf<T extends BodyType>(req: Request, spec: BodySpec<T>): T {
  const contentType = req.headers.get("content-type") ?? "";
  const match = spec.accepts.find((t) => MEDIA[t].pattern.test(contentType.trim()));
  if (match) return match;
  const wanted = spec.accepts.map((t) => MEDIA[t].name).join(" or ");
  const got = contentType.trim() ? contentType.split(";")[0].trim().slice(0, 80) : "no Content-Type";
  throw new AppError("unsupported_media_type", `Send the body as ${wanted} (got ${got}).`);
}

export async function readBody<T extends BodyType>(req: Request, spec: BodySpec<T>): Promise<ParsedBody<T>> {
  const type: BodyType = typeOf(req, spec);
  const bytes = await readBodyBytes(req, spec.maxBytes);
  const text = bytes.toString("utf8");
  if (type === "form") return { type, value: new URLSearchParams(text) } as ParsedBody<T>;
  if (!text.trim()) throw new AppError("invalid_request", "The request body is empty; send a JSON object.");
  try {
    return { type, value: JSON.parse(text) as unknown } as ParsedBody<T>;
  } catch (e) {
    throw new AppError("invalid_request", `The request body is not valid JSON (${(e as Error).message.slice(0, 200)}).`);
  }
}
