import "server-only";
/**
 * A sweep as one PNG (A1111's grid image): the cells' first images on the grid, the axis names
 * and each value's label along the top and the left, one block per Z value, stacked, and a footer
 * with what every cell shares (model, task, prompt, seed, the parameters no axis varies) and the
 * cost. Text is drawn by sharp (pango) in the Geist font that ships with Next.js, so the sheet
 * looks the same on a machine without system fonts.
 */
import path from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import { openUntrusted } from "@/lib/images/decode-slots";
import { THUMB_MAX_SIDE } from "@/lib/images/thumbnail";

// Found from the project root, where the app always runs (a module resolve would make the bundler
// try to bundle the font).
const FONT_FILE = path.join(process.cwd(), "node_modules", "next", "dist", "compiled", "@vercel", "og", "Geist-Regular.ttf");
const FONT = "Geist";

export const SHEET = { tile: 256, gap: 6, margin: 24, rowLabelWidth: 180, background: "#171717", tileBackground: "#262626" } as const;

export interface SheetCell {
  x: number;
  y: number;
  z: number;
  /** The cell's first image (our own thumbnail bytes), or null with `note` saying why. */
  image: Buffer | null;
  note: string;
}

export interface SheetInput {
  title: string;
  /** Axis names, x first. */
  axisLabels: string[];
  /** Each axis's value labels, x first. */
  valueLabels: string[][];
  shape: [number, number, number];
  cells: SheetCell[];
  /** "Label: value" lines of the footer. */
  footer: string[];
}

const escapeMarkup = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text as an RGBA image at most `width` wide, wrapped by word; null for empty text. */
async function textImage(text: string, opts: { width: number; size: number; colour?: string; bold?: boolean; align?: "left" | "centre" }): Promise<{ input: Buffer; width: number; height: number } | null> {
  if (text.trim() === "") return null;
  const weight = opts.bold ? ' weight="bold"' : "";
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${opts.colour ?? "#e5e5e5"}"${weight}>${escapeMarkup(text)}</span>`,
      font: `${FONT} ${opts.size}`,
      fontfile: FONT_FILE,
      width: Math.max(1, Math.floor(opts.width)),
      wrap: "word-char",
      align: opts.align === "centre" ? "centre" : "left",
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

async function tileImage(cell: SheetCell | undefined): Promise<Buffer | null> {
  if (!cell?.image) return null;
  try {
    return await openUntrusted(cell.image, THUMB_MAX_SIDE * THUMB_MAX_SIDE * 4)
      .resize(SHEET.tile, SHEET.tile, { fit: "contain", background: SHEET.tileBackground })
      .png()
      .toBuffer();
  } catch {
    // An image that does not decode leaves its tile showing why not, rather than losing the sheet.
    return null;
  }
}

export async function renderContactSheet(input: SheetInput): Promise<Buffer> {
  const { tile, gap, margin, rowLabelWidth } = SHEET;
  const [nx, ny, nz] = input.shape;
  const gridWidth = nx * tile + (nx - 1) * gap;
  const width = margin * 2 + rowLabelWidth + gap + gridWidth;
  const parts: OverlayOptions[] = [];
  let top = margin;

  const place = (img: { input: Buffer; height: number } | null, left: number, at: number): number => {
    if (!img) return 0;
    parts.push({ input: img.input, left: Math.round(left), top: Math.round(at) });
    return img.height;
  };

  top += place(await textImage(input.title, { width: width - 2 * margin, size: 20, bold: true }), margin, top) + 12;
  const names = input.axisLabels.map((label, i) => `${["X", "Y", "Z"][i]}: ${label}`).join("    ");
  top += place(await textImage(names, { width: width - 2 * margin, size: 13, colour: "#a3a3a3" }), margin, top) + 16;

  const gridLeft = margin + rowLabelWidth + gap;
  const byCoord = new Map(input.cells.map((c) => [`${c.x},${c.y},${c.z}`, c]));
  for (let z = 0; z < nz; z++) {
    if (nz > 1) top += place(await textImage(`${input.axisLabels[2]}: ${input.valueLabels[2][z]}`, { width: width - 2 * margin, size: 16, bold: true }), margin, top) + 10;
    // Column labels (X values), each centred over its column.
    const columnLabels = await Promise.all(Array.from({ length: nx }, (_, x) => textImage(input.valueLabels[0]?.[x] ?? "", { width: tile, size: 14, align: "centre" })));
    const labelHeight = Math.max(0, ...columnLabels.map((l) => l?.height ?? 0));
    columnLabels.forEach((l, x) => l && place(l, gridLeft + x * (tile + gap) + (tile - l.width) / 2, top + labelHeight - l.height));
    top += labelHeight + 8;
    for (let y = 0; y < ny; y++) {
      const rowTop = top + y * (tile + gap);
      const rowLabel = await textImage(input.valueLabels[1]?.[y] ?? "", { width: rowLabelWidth, size: 14 });
      if (rowLabel) place(rowLabel, margin + rowLabelWidth - rowLabel.width, rowTop + (tile - rowLabel.height) / 2);
      for (let x = 0; x < nx; x++) {
        const cell = byCoord.get(`${x},${y},${z}`);
        const left = gridLeft + x * (tile + gap);
        const image = await tileImage(cell);
        if (image) {
          parts.push({ input: image, left, top: rowTop });
          continue;
        }
        parts.push({ input: { create: { width: tile, height: tile, channels: 4, background: SHEET.tileBackground } }, left, top: rowTop });
        const note = await textImage(cell?.note || "No image", { width: tile - 24, size: 13, colour: "#a3a3a3", align: "centre" });
        if (note) place(note, left + (tile - note.width) / 2, rowTop + (tile - note.height) / 2);
      }
    }
    top += ny * tile + (ny - 1) * gap + 20;
  }

  const footer = await textImage(input.footer.join("\n"), { width: width - 2 * margin, size: 13, colour: "#d4d4d4" });
  top += place(footer, margin, top);
  const height = Math.round(top + margin);
  return sharp({ create: { width, height, channels: 3, background: SHEET.background } }).composite(parts).png({ compressionLevel: 9 }).toBuffer();
}
