/**
 * What a file's header says before it is decoded: stored size (for a decompression-bomb guard
 * before the browser allocates the pixels), bits per channel (the 8-bit rule; a canvas always
 * decodes to 8 bits so this cannot be measured after decoding) and the EXIF orientation (a
 * rotated photo is re-encoded upright before it is sent, gateway-contract.md §3).
 */
import { sniffFormat, type SniffedFormat } from "@/lib/browser-images/sniff-format";

export interface ImageHeader {
  format: SniffedFormat;
  /** As stored, before orientation; undefined when the header could not be read. */
  width?: number;
  height?: number;
  bitsPerChannel?: number;
  /** EXIF orientation 1–8; 1 when there is none. */
  orientation: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const tag = (b: Uint8Array, i: number) => String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3]);

/** Orientation (tag 0x0112) from a TIFF structure (the body of an EXIF block) at `start`. */
export function tiffOrientation(b: Uint8Array, start: number, end = b.length): number {
  if (start + 8 > end) return 1;
  const little = b[start] === 0x49 && b[start + 1] === 0x49;
  if (!little && !(b[start] === 0x4d && b[start + 1] === 0x4d)) return 1;
  const r16 = (i: number) => (little ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number) => (little ? (u16le(b, i) | (u16le(b, i + 2) << 16)) >>> 0 : u32be(b, i));
  if (r16(start + 2) !== 42) return 1;
  const ifd = start + r32(start + 4);
  if (ifd + 2 > end) return 1;
  const count = r16(ifd);
  for (let n = 0; n < count; n++) {
    const e = ifd + 2 + n * 12;
    if (e + 12 > end) break;
    if (r16(e) === 0x0112) {
      const v = r16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

function readPng(b: Uint8Array): Omit<ImageHeader, "format"> {
  if (b.length < 33 || tag(b, 12) !== "IHDR") return { orientation: 1 };
  const colourType = b[25];
  // Palette entries are 8-bit colours whatever the index size (sharp reports the same).
  const bits = colourType === 3 ? 8 : b[24];
  let orientation = 1;
  // eXIf must come before IDAT; stop there so a large file is not walked to the end.
  for (let i = 8; i + 8 <= b.length; ) {
    const len = u32be(b, i);
    const type = tag(b, i + 4);
    if (type === "IDAT" || type === "IEND") break;
    if (type === "eXIf") orientation = tiffOrientation(b, i + 8, Math.min(b.length, i + 8 + len));
    i += 12 + len;
  }
  return { width: u32be(b, 16), height: u32be(b, 20), bitsPerChannel: bits, orientation };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(b: Uint8Array): Omit<ImageHeader, "format"> {
  const out: Omit<ImageHeader, "format"> = { orientation: 1 };
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end: no header after this
    const len = u16be(b, i + 2);
    const body = i + 4;
    if (marker === 0xe1 && len >= 8 && tag(b, body) === "Exif" && b[body + 4] === 0 && b[body + 5] === 0 && out.orientation === 1) {
      out.orientation = tiffOrientation(b, body + 6, Math.min(b.length, i + 2 + len));
    } else if (SOF.has(marker) && body + 5 <= b.length) {
      out.bitsPerChannel = b[body];
      out.height = u16be(b, body + 1);
      out.width = u16be(b, body + 3);
    }
    i += 2 + len;
  }
  return out;
}

function readWebp(b: Uint8Array): Omit<ImageHeader, "format"> {
  if (b.length < 30) return { orientation: 1 };
  const chunk = tag(b, 12);
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, bitsPerChannel: 8, orientation: 1 };
  if (chunk === "VP8L") {
    const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, bitsPerChannel: 8, orientation: 1 };
  }
  if (chunk === "VP8 ") return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, bitsPerChannel: 8, orientation: 1 };
  return { orientation: 1 };
}

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = sniffFormat(bytes);
  switch (format) {
    case "png":
      return { format, ...readPng(bytes) };
    case "jpeg":
      return { format, ...readJpeg(bytes) };
    case "webp":
      return { format, ...readWebp(bytes) };
    case "gif":
      return { format, width: u16le(bytes, 6), height: u16le(bytes, 8), bitsPerChannel: 8, orientation: 1 };
    case "bmp": {
      const h = bytes[22] | (bytes[23] << 8) | (bytes[24] << 16) | (bytes[25] << 24);
      return { format, width: u16le(bytes, 18) | (u16le(bytes, 20) << 16), height: Math.abs(h), orientation: 1 };
    }
    default:
      return { format, orientation: 1 };
  }
}
