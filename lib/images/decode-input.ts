import "server-only";
import { AppError } from "@/lib/errors";

// Standard and URL-safe alphabets; padding optional (some encoders drop it).
const BASE64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const DATA_URL_RE = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(?:;[a-z0-9-]+=[^;,]*)*;base64,/i;

/**
 * Bytes of an image sent inside a JSON body: a `data:…;base64,` URL or bare base64. URLs and
 * anything else are refused here: the app itself never fetches a user-supplied address (in
 * offline mode the built-in engine may, from public addresses only: lib/net). `field` is the
 * request field (snake_case) so the message and the field error point at it. What the bytes
 * are is checked afterwards by `inspectImage`.
 */
export function decodeImageInput(value: string, field: string): Buffer {
  const fail = (why: string): never => {
    const message = `${field} ${why}`;
    throw new AppError("validation_failed", message, { fields: [{ field, message }] });
  };
  if (typeof value !== "string") return fail("must be a base64 string or a data: URL");
  let body = value.trim();
  if (/^data:/i.test(body)) {
    const m = DATA_URL_RE.exec(body);
    if (!m) return fail("must be a base64 data: URL (data:image/png;base64,…)");
    body = body.slice(m[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body)) {
    return fail("must be the image itself (base64 or a data: URL), not a link");
  }
  body = body.replace(/\s+/g, "");
  if (body.length === 0) return fail("is empty");
  if (!BASE64_RE.test(body) || body.length % 4 === 1) return fail("is not valid base64");
  const bytes = Buffer.from(body, body.includes("-") || body.includes("_") ? "base64url" : "base64");
  if (bytes.length === 0) return fail("is empty");
  return bytes;
}
