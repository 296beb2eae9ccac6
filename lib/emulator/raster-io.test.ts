import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { DECODE_SLOTS, decodeSlotUse, withDecodeSlot } from "@/lib/images/decode-slots";
import { truncatedImage } from "@/lib/testing/hostile-images";
import { decodeCover, decodeMaskImage, decodeRaster } from "./raster-io";

/** The engine's decodes share the process's decode slots with the app (lib/images/decode-slots.ts). */
describe("raster-io decodes", () => {
  const paths: [string, (bytes: Buffer) => Promise<unknown>][] = [
    ["decodeRaster", (b) => decodeRaster(b)],
    ["decodeCover", (b) => decodeCover(b, 200, 100)],
    ["decodeMaskImage", (b) => decodeMaskImage(b, true)],
  ];

  it.each(paths)("%s waits for a free decode slot", async (_name, decode) => {
    const bytes = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#ffffff" } }).png().toBuffer();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holders = Promise.all(Array.from({ length: DECODE_SLOTS }, () => withDecodeSlot(() => held)));
    let finished = false;
    const run = decode(bytes).then(() => (finished = true));
    await vi.waitFor(() => expect(decodeSlotUse().waiting).toBe(1), { timeout: 20_000 });
    expect(finished).toBe(false);
    release();
    await Promise.all([run, holders]);
    expect(finished).toBe(true);
  });

  it.each(paths)("%s fails on a truncated input rather than rendering from half an image", async (_name, decode) => {
    await expect(decode(await truncatedImage("png", 400, 400, 0.6))).rejects.toThrow();
  });
});
