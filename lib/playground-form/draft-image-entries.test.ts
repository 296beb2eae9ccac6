import { describe, expect, it } from "vitest";
import { diffEntries, entryKey, imageEntries, parseEntryKey, validStored } from "@/lib/playground-form/draft-image-entries";
import { defaultDrafts } from "@/lib/playground-form/task-drafts";
import { fakeImage } from "@/lib/playground-form/test-images";

describe("draft image entries", () => {
  it("lists every non-empty image field of every draft, lists as lists, and nothing else", () => {
    const drafts = defaultDrafts();
    const source = fakeImage(1280, 720);
    const mask = fakeImage(1280, 720, { name: "mask.png" });
    const variations = [fakeImage(), fakeImage(640, 640)];
    drafts.INPAINTING = { ...drafts.INPAINTING, image: source, mask_image: mask, prompt: "a swan" };
    drafts.IMAGE_VARIATION = { ...drafts.IMAGE_VARIATION, images: variations };
    drafts.OUTPAINTING = { ...drafts.OUTPAINTING, image: null };
    const entries = imageEntries(drafts);
    expect([...entries.keys()].sort()).toEqual(["IMAGE_VARIATION.images", "INPAINTING.image", "INPAINTING.mask_image"]);
    expect(entries.get("INPAINTING.image")).toBe(source);
    expect(entries.get("IMAGE_VARIATION.images")).toEqual(variations);
  });

  it("diff puts only what changed (by identity) and deletes what went", () => {
    const a = fakeImage();
    const b = fakeImage(640, 640);
    const c = fakeImage(800, 800);
    const prev = new Map<string, ReturnType<typeof fakeImage> | ReturnType<typeof fakeImage>[]>([
      ["INPAINTING.image", a],
      ["IMAGE_VARIATION.images", [a, b]],
      ["OUTPAINTING.image", b],
    ]);
    const next = new Map<string, ReturnType<typeof fakeImage> | ReturnType<typeof fakeImage>[]>([
      ["INPAINTING.image", a],
      // A new array with the same images is not a change; one more image is.
      ["IMAGE_VARIATION.images", [a, b, c]],
      ["BACKGROUND_REMOVAL.image", c],
    ]);
    const { put, del } = diffEntries(prev, next);
    expect(put.map(([k]) => k).sort()).toEqual(["BACKGROUND_REMOVAL.image", "IMAGE_VARIATION.images"]);
    expect(del).toEqual(["OUTPAINTING.image"]);
    expect(diffEntries(next, new Map([...next].map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])))).toEqual({ put: [], del: [] });
  });

  it("keys round-trip; unknown tasks and broken values are dropped", () => {
    expect(parseEntryKey(entryKey("VIRTUAL_TRY_ON", "reference_image"))).toEqual({ task: "VIRTUAL_TRY_ON", field: "reference_image" });
    expect(parseEntryKey("NOPE.image")).toBeNull();
    expect(parseEntryKey("image")).toBeNull();
    expect(validStored({ dataUrl: 3 })).toBeNull();
    expect(validStored([])).toBeNull();
    expect(validStored([fakeImage(), "x"])).toEqual([fakeImage()]);
  });
});
