import "server-only";
/**
 * A shared image (or its thumbnail) for a visitor. Never cached anywhere: a revoked share must
 * stop serving on the very next request, from a browser's cache too. Anything that is not a
 * live share's image gets the same bare 404, so a visitor cannot tell "revoked" from "never was"
 * or probe for other images.
 */
import { imageResponse } from "@/lib/http/image-response";
import { sharedImageFile } from "@/lib/shares/share-service";
import { getBlobStore } from "@/lib/storage";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store", "content-type": "text/plain" } });

const SHARED_IMAGE_HEADERS = { "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer" };

export async function sharedImageResponse(token: string, n: string, variant: "file" | "thumb", download = false): Promise<Response> {
  const file = /^\d{1,4}$/.test(n) ? await sharedImageFile(token, Number(n), variant) : null;
  const blob = file ? await getBlobStore().getStream(file.key) : null;
  if (!file || !blob) return NOT_FOUND();
  return imageResponse({ ...blob, contentType: file.contentType, name: file.name }, download, SHARED_IMAGE_HEADERS);
}
