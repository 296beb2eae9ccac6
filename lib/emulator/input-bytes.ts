import { invalidParam } from "@/lib/emulator/api-error";
import { AppError } from "@/lib/errors";
import { decodeImageInput } from "@/lib/images/decode-input";

/**
 * The bytes behind one image field, as the gateway accepts it (contract §1): bare base64, a
 * `data:` URL, or a public http(s) URL that is fetched with a timeout and a size limit. Any
 * failure is the 400 the gateway would give, with `param` = the field.
 */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export async function readImageBytes(value: string, field: string, param: string, limits: FetchLimits): Promise<Buffer> {
  if (/^https?:\/\//i.test(value.trim())) return fetchImage(value.trim(), field, param, limits);
  try {
    return decodeImageInput(value, field);
  } catch (e) {
    if (e instanceof AppError) throw invalidParam(param, e.message);
    throw e;
  }
}

/** The URL without its query: a signed URL's signature is not for error messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "the given URL";
  }
}

async function fetchImage(url: string, field: string, param: string, limits: FetchLimits): Promise<Buffer> {
  const fail = (why: string) => invalidParam(param, `${field} could not be fetched from ${shown(url)}: ${why}`);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: "follow" });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    throw fail(timedOut ? `no answer within ${limits.timeoutMs} ms` : "the connection failed");
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw fail(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await res.body?.cancel();
    throw fail(`larger than ${limits.maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  while (reader) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try {
      part = await reader.read();
    } catch {
      throw fail("the download was cut off or took too long");
    }
    if (part.done) break;
    size += part.value.length;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw fail(`larger than ${limits.maxBytes} bytes`);
    }
    chunks.push(part.value);
  }
  if (size === 0) throw fail("the response was empty");
  return Buffer.concat(chunks);
}
