import "server-only";

/** Stored image bytes on their way to a browser: a stream (BlobStore.getStream) and what the database says about them. */
export interface ImageFile {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType: string;
  name: string;
}

/**
 * Stored images never change (new results get new ids), so they can be cached for a year, by the
 * browser only ("private"): behind PLAYGROUND_PASSWORD they are not for shared caches.
 */
const OWN_IMAGE_CACHING = { "cache-control": "private, max-age=31536000, immutable" };

/**
 * The image streamed from the blob store (never whole in memory), with its length.
 * `nosniff` stops a browser from reinterpreting bytes as something other than the stored type.
 * `extraHeaders` replace the default caching (shared images are never cached).
 */
export function imageResponse(file: ImageFile, download: boolean, extraHeaders: Record<string, string> = OWN_IMAGE_CACHING): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "x-content-type-options": "nosniff",
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${file.name}"`,
      ...extraHeaders,
    },
  });
}
