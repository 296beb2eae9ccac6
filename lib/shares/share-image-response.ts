import "server-only";
/**
 * A shared image (or its thumbnail) for a visitor. Never cached anywhere: a revoked share must
 * stop serving on the very next request, from a browser's cache too. Anything that is not a
 * live share's image gets the same bare 404, so a visitor cannot tell "revoked" from "never was"
 * or probe for other images.
 */
import { sharedImageFile } from "@/lib/shares/share-service";
import { getBlobStore } from "@/lib/storage";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store", "content-type": "text/plain" } });

export async function sharedImageResponse(token: string, n: string, variant: "file" | "thumb", download = false): Promise<Response> {
  const file = /^\d{1,4}$/.test(n) ? await sharedImageFile(token, Number(n), variant) : null;
  const bytes = file ? await getBlobStore().get(file.key) : null;
  if (!file || !bytes) return NOT_FOUND();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(bytes.length),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${file.name}"`,
    },
  });
}
