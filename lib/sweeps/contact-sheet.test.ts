import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderContactSheet, SHEET, type SheetCell } from "./contact-sheet";

const COLOURS = ["#d94f30", "#2f8f5b", "#3461c1"];

async function thumb(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 384, height: 384, channels: 3, background: colour } }).webp().toBuffer();
}

/** How many pixels of a region differ from the sheet's background: text and images do, nothing else. */
async function inked(png: Buffer, region: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { data, info } = await sharp(png).extract(region).raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) if (Math.abs(data[i] - 0x17) + Math.abs(data[i + 1] - 0x17) + Math.abs(data[i + 2] - 0x17) > 60) n++;
  return n;
}

describe("renderContactSheet", () => {
  it("lays the cells out on the grid with the value labels above the columns and left of the rows, and the footer below", async () => {
    const cells: SheetCell[] = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) cells.push({ x, y, z: 0, image: x === 2 && y === 2 ? null : await thumb(COLOURS[x]), note: "Failed: the gateway said no" });
    const png = await renderContactSheet({
      title: "Prompt strength (CFG) × Style: a red fox",
      axisLabels: ["Prompt strength (CFG)", "Style"],
      valueLabels: [["3", "6", "9"], ["Photorealism", "Soft digital painting", "Design sketch"]],
      shape: [3, 3, 1],
      cells,
      footer: ["Model: Amazon Nova Canvas", "Prompt: a red fox", "Seed: 42"],
    });
    const meta = await sharp(png).metadata();
    const { tile, gap, margin, rowLabelWidth } = SHEET;
    const gridLeft = margin + rowLabelWidth + gap;
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(gridLeft + 3 * tile + 2 * gap + margin);

    // Find the grid's top from the first tile's colour, then check each band around it.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const column = gridLeft + tile / 2;
    let gridTop = -1;
    for (let y = 0; y < info.height; y++) {
      const i = (y * info.width + column) * info.channels;
      if (data[i] > 200 && data[i + 1] < 100) {
        gridTop = y;
        break;
      }
    }
    expect(gridTop).toBeGreaterThan(margin);
    // Column labels above the grid, row labels left of it, the failed cell's note, the footer below.
    expect(await inked(png, { left: gridLeft, top: gridTop - 26, width: 3 * tile, height: 24 })).toBeGreaterThan(40);
    expect(await inked(png, { left: margin, top: gridTop, width: rowLabelWidth, height: 3 * tile })).toBeGreaterThan(100);
    const failed = { left: gridLeft + 2 * (tile + gap), top: gridTop + 2 * (tile + gap), width: tile, height: tile };
    const noteInk = await inked(png, failed);
    expect(noteInk).toBeGreaterThan(40);
    expect(noteInk).toBeLessThan(tile * tile * 0.2);
    const gridBottom = gridTop + 3 * tile + 2 * gap;
    expect(await inked(png, { left: margin, top: gridBottom + 10, width: 300, height: meta.height! - gridBottom - 10 - margin })).toBeGreaterThan(100);
  });

  it("stacks one block per Z value", async () => {
    const cells: SheetCell[] = [];
    for (let z = 0; z < 2; z++) for (let x = 0; x < 2; x++) cells.push({ x, y: 0, z, image: await thumb(COLOURS[z]), note: "" });
    const two = await renderContactSheet({ title: "t", axisLabels: ["Seed", "Style", "Model"], valueLabels: [["1", "2"], [""], ["A", "B"]], shape: [2, 1, 2], cells, footer: [] });
    const one = await renderContactSheet({ title: "t", axisLabels: ["Seed"], valueLabels: [["1", "2"]], shape: [2, 1, 1], cells: cells.slice(0, 2), footer: [] });
    expect((await sharp(two).metadata()).height! - (await sharp(one).metadata()).height!).toBeGreaterThan(SHEET.tile);
  });
});
