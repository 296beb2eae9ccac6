/**
 * "From URL": the browser fetches the image itself (our server never fetches user-supplied
 * addresses). Most sites do not allow other pages to read their images (CORS), and the browser
 * reports that only as a bare network error, so the message explains the likely cause and the
 * way round it. Our own image URLs keep their lineage.
 */
import { dataUrlToBytes } from "@/lib/browser-images/data-url";
import { ImageLoadError, MAX_SOURCE_BYTES } from "@/lib/browser-images/load-image";

export interface FetchedImage {
  blob: Blob;
  name: string;
  /** Set when the URL is one of our own gallery images (/api/images/{id}/file). */
  sourceImageId?: string;
}

const OWN_IMAGE_RE = /^\/api\/images\/([^/]+)\/file$/;

/** The gallery id when `url` is our own /api/images/{id}/file on this origin. */
export function ownImageId(url: URL, origin: string): string | undefined {
  if (url.origin !== origin) return undefined;
  const m = OWN_IMAGE_RE.exec(url.pathname);
  return m ? decodeURIComponent(m[1]) : undefined;
}

function nameOf(url: URL): string {
  const last = url.pathname.split("/").filter(Boolean).pop();
  return last ? `${url.hostname}/…/${decodeURIComponent(last)}` : url.hostname;
}

export async function fetchImageUrl(text: string): Promise<FetchedImage> {
  const raw = text.trim();
  if (!raw) throw new ImageLoadError("Enter the image's address.");
  if (/^data:/i.test(raw)) {
    const bytes = dataUrlToBytes(raw);
    if (!bytes) throw new ImageLoadError("That data: URL is not base64 image data.");
    return { blob: new Blob([bytes as BlobPart]), name: "data URL" };
  }
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    throw new ImageLoadError("That is not a valid address. It should start with https://");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ImageLoadError("Only http(s) addresses can be fetched.");
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", referrerPolicy: "no-referrer" });
  } catch {
    throw new ImageLoadError(
      `Could not read the image from ${url.hostname}. Most sites do not let other pages read their images (CORS), or the address is unreachable. Save the image and drop the file here instead.`,
    );
  }
  if (!res.ok) throw new ImageLoadError(`${url.hostname} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}.`);
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_SOURCE_BYTES) {
    throw new ImageLoadError(`The image is ${Math.round(declared / 1024 / 1024)} MB; the largest we open is ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`);
  }
  const blob = await res.blob();
  const sourceImageId = ownImageId(url, window.location.origin);
  return { blob, name: sourceImageId ? "gallery image" : nameOf(url), ...(sourceImageId ? { sourceImageId } : {}) };
}
