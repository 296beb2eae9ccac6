import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { checkInputImage, checkMask, invertMask, makeThumbnail } from "@/lib/images";
import { DECODE_SLOTS, decodeSlotUse, openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import { applyOrientation } from "@/lib/images/orient";
import { truncatedImage } from "@/lib/testing/hostile-images";

/** Holds every decode slot until `release()`; the returned promise settles when they are freed. */
function occupyAllSlots(): { release: () => void; done: Promise<unknown> } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const done = Promise.all(Array.from({ length: DECODE_SLOTS }, () => withDecodeSlot(() => held)));
  expect(decodeSlotUse().active).toBe(DECODE_SLOTS);
  return { release, done };
}

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#ffffff" } }).png().toBuffer();

describe("decode slots", () => {
  const paths: [string, (bytes: Buffer) => Promise<unknown>][] = [
    ["checkInputImage", (b) => checkInputImage(b, "image")],
    ["checkMask", (b) => checkMask(b, { width: 400, height: 400 })],
    ["applyOrientation", (b) => applyOrientation(b)],
    ["makeThumbnail", (b) => makeThumbnail(b, 400 * 400)],
    ["invertMask", (b) => invertMask(b)],
  ];

  it.each(paths)("%s waits for a free slot before it decodes", async (_name, decode) => {
    const src = await sharp(await png(400, 400)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const slots = occupyAllSlots();
    let finished = false;
    const run = decode(src).then(() => (finished = true));
    // The header is read first (no slot needed), then the decode queues for a slot.
    await vi.waitFor(() => expect(decodeSlotUse().waiting).toBe(1), { timeout: 20_000 });
    expect(finished).toBe(false);
    slots.release();
    await Promise.all([run, slots.done]);
    expect(finished).toBe(true);
    expect(decodeSlotUse()).toEqual({ active: 0, waiting: 0 });
  });
});

describe("openUntrusted", () => {
  it("refuses to decode beyond the pixel limit", async () => {
    const bytes = await png(101, 100);
    await expect(openUntrusted(bytes, 10_000).raw().toBuffer()).rejects.toThrow(/pixel limit/);
    await expect(openUntrusted(await png(100, 100), 10_000).raw().toBuffer()).resolves.toHaveLength(30_000);
  });

  it.each(["png", "jpeg"] as const)("fails on a truncated %s instead of returning a partly grey image", async (format) => {
    const cut = await truncatedImage(format, 320, 320, 0.7);
    await expect(sharp(cut, { failOn: "none" }).raw().toBuffer()).resolves.toHaveLength(320 * 320 * 3);
    await expect(openUntrusted(cut, 320 * 320).raw().toBuffer()).rejects.toThrow();
  });
});
