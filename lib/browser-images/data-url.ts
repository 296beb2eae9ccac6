/** Bytes ↔ base64 `data:` URLs, without the DOM (so it runs in tests and workers alike). */

const CHUNK = 0x8000;

export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  // String.fromCharCode(...all) overflows the argument limit on large images: go in chunks.
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return `data:${mime};base64,${btoa(binary)}`;
}

const DATA_URL_RE = /^data:([^;,]*)(?:;[^;,]*)*;base64,/i;

/** The bytes of a base64 data URL; null when it is not one. */
export function dataUrlToBytes(dataUrl: string): Uint8Array | null {
  const m = DATA_URL_RE.exec(dataUrl);
  if (!m) return null;
  try {
    const binary = atob(dataUrl.slice(m[0].length));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** How many bytes a base64 data URL holds, without decoding it. */
export function dataUrlByteLength(dataUrl: string): number {
  const comma = dataUrl.indexOf(",");
  const body = comma < 0 ? "" : dataUrl.slice(comma + 1);
  const pad = body.endsWith("==") ? 2 : body.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((body.length * 3) / 4) - pad);
}
