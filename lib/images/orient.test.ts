import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { applyOrientation } from "./orient";

async function photo(orientation: number): Promise<Buffer> {
  // 400×320, left half red, right half blue, tagged with an EXIF orientation.
  const left = await sharp({ create: { width: 200, height: 320, channels: 3, background: "#ff0000" } }).png().toBuffer();
  return sharp({ create: { width: 400, height: 320, channels: 3, background: "#0000ff" } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation })
    .toBuffer();
}

describe("applyOrientation", () => {
  it("leaves an untagged image byte-identical", async () => {
    const bytes = await photo(1);
    const out = await applyOrientation(bytes);
    expect(out.changed).toBe(false);
    expect(out.bytes.equals(bytes)).toBe(true);
  });

  it("rotates a tagged image once and drops the tag", async () => {
    const out = await applyOrientation(await photo(6)); // 6 = rotate 90° clockwise to display
    expect(out.changed).toBe(true);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([320, 400]);
    expect(meta.orientation ?? 1).toBe(1);
    // After a 90° clockwise turn the red (left) half is on top.
    const { data } = await sharp(out.bytes).extract({ left: 160, top: 20, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
    // Applying it again changes nothing.
    expect((await applyOrientation(out.bytes)).changed).toBe(false);
  });
});
