import "server-only";

/**
 * Stored images never change (new results get new ids), so they can be cached for a year, by the
 * browser only ("private"): behind PLAYGROUND_PASSWORD they are not for shared caches.
 * `nosniff` stops a browser from reinterpreting bytes as something other than the stored type.
 */
export function imageResponse(file: { bytes: Buffer; contentType: string; name: string }, download: boolean): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.length),
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${file.name}"`,
    },
  });
}
