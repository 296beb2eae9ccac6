/**
 * What an image file really is, from its first bytes. File names and Content-Type headers lie
 * (a ".png" that is a JPEG, a server that says text/plain); the rules and the decoder need the
 * truth, and SVG must be recognised so that it can be refused before anything parses it.
 */
export type SniffedFormat = "png" | "jpeg" | "webp" | "gif" | "bmp" | "avif" | "heic" | "tiff" | "svg" | "unknown";

const ascii = (b: Uint8Array, start: number, len: number) => String.fromCharCode(...b.subarray(start, start + len));

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/** ISO-BMFF (AVIF, HEIC): "ftyp" box first; the brands say which. */
function sniffFtyp(b: Uint8Array): SniffedFormat | null {
  if (b.length < 16 || ascii(b, 4, 4) !== "ftyp") return null;
  const boxEnd = Math.min(b.length, ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0 || 32);
  const brands: string[] = [ascii(b, 8, 4)];
  for (let i = 16; i + 4 <= boxEnd; i += 4) brands.push(ascii(b, i, 4));
  if (brands.some((x) => x === "avif" || x === "avis")) return "avif";
  if (brands.some((x) => ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(x))) return "heic";
  return null;
}

/** Markup: SVG is XML text, possibly after a BOM, whitespace, an XML declaration or comments. */
function looksLikeSvg(b: Uint8Array): boolean {
  let i = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] !== 0x3c) return false; // "<"
  const head = ascii(b, i, Math.min(b.length - i, 4096)).toLowerCase();
  return head.includes("<svg");
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const b = bytes;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") return "webp";
  if (b.length >= 6 && (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")) return "gif";
  if (b.length >= 26 && ascii(b, 0, 2) === "BM") return "bmp";
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  const ftyp = sniffFtyp(b);
  if (ftyp) return ftyp;
  if (looksLikeSvg(b)) return "svg";
  return "unknown";
}

export const FORMAT_MIME: Record<Exclude<SniffedFormat, "unknown">, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  bmp: "image/bmp",
  avif: "image/avif",
  heic: "image/heic",
  tiff: "image/tiff",
  svg: "image/svg+xml",
};

/** "PNG", "JPEG", "WebP"… for messages. */
export function formatLabel(format: string): string {
  return format === "webp" ? "WebP" : format.toUpperCase();
}
