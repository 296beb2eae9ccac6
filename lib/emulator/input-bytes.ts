import { invalidParam } from "@/lib/emulator/api-error";
import { AppError } from "@/lib/errors";
import { decodeImageInput } from "@/lib/images/decode-input";
import { fetchPublicUrl } from "@/lib/net/fetch-public-url";

/**
 * The bytes behind one image field, as the gateway accepts it (contract §1): bare base64, a
 * `data:` URL, or a public http(s) URL that is fetched with a timeout and a size limit. Any
 * failure is the 400 the gateway would give, with `param` = the field.
 */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Also fetch from loopback and private addresses (the standalone engine in tests only). */
  allowPrivateUrls: boolean;
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

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

const isPngOrJpeg = (b: Buffer) =>
  b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff);

/**
 * Every failure gets the same words, whatever the cause (private address, closed port, no such
 * host, HTTP error, timeout, too large, not a PNG or JPEG): a difference would tell the caller
 * what answers where, and the engine must say nothing about the networks it can see.
 */
async function fetchImage(url: string, field: string, param: string, limits: FetchLimits): Promise<Buffer> {
  const result = await fetchPublicUrl(url, {
    timeoutMs: limits.timeoutMs,
    maxBytes: limits.maxBytes,
    ...(limits.allowPrivateUrls ? { isAllowedAddress: () => true } : {}),
  });
  if (result.ok && isPngOrJpeg(result.bytes)) return result.bytes;
  throw invalidParam(
    param,
    `${field} could not be fetched from ${shown(url)}: use a public http(s) URL of a PNG or JPEG image ` +
      `that answers within ${seconds(limits.timeoutMs)} with at most ${megabytes(limits.maxBytes)}`,
  );
}
