import { describe, expect, it, vi } from "vitest";
import type { ApiInput } from "@/lib/api-types";
import { paramsToDraft } from "@/lib/playground-form/reuse-params";
import { fakeImage } from "@/lib/playground-form/test-images";
import { placeImage, USE_AS_TARGETS } from "@/lib/playground-form/use-as";

const input = (sha256: string, sourceImageId: string | null = null): ApiInput => ({
  sha256, role: "image", position: 0, width: 512, height: 512, contentType: "image/png", url: `/api/inputs/${sha256}`, sourceImageId,
});

describe("paramsToDraft", () => {
  it("copies scalars and loads {input: sha} images from /api/inputs with their lineage", async () => {
    const load = vi.fn(async (url: string, id: string) => fakeImage(512, 512, { name: url, sourceImageId: id || undefined }));
    const { draft, failed } = await paramsToDraft(
      "INPAINTING",
      { task_type: "INPAINTING", prompt: "a boat", image: { input: "aaa" }, mask_image: { input: "bbb" }, quality: "premium", seed: 9, cfg_scale: 6 },
      [input("aaa", "img-1"), input("bbb")],
      load,
    );
    expect(failed).toEqual([]);
    expect(load).toHaveBeenCalledWith("/api/inputs/aaa", "img-1", "image");
    expect(load).toHaveBeenCalledWith("/api/inputs/bbb", "", "mask");
    expect(draft).toMatchObject({ prompt: "a boat", quality: "premium", seed: 9, cfg_scale: 6, mask_by: "image", negative_prompt: "" });
    expect(draft.image).toMatchObject({ sourceImageId: "img-1" });
  });

  it("reads inpaint_mask_prompt as the mask prompt and a single variation image as images", async () => {
    const load = async () => fakeImage();
    const inpaint = await paramsToDraft("INPAINTING", { image: { input: "a" }, inpaint_mask_prompt: "the dog" }, [], load);
    expect(inpaint.draft).toMatchObject({ mask_prompt: "the dog", mask_by: "prompt" });
    const variation = await paramsToDraft("IMAGE_VARIATION", { image: { input: "a" }, similarity_strength: 0.4 }, [], load);
    expect(variation.draft.images).toHaveLength(1);
    expect(variation.draft).toMatchObject({ image: null, similarity_strength: 0.4 });
  });

  it("names images that could not be loaded and keeps the rest", async () => {
    const load = async (url: string) => (url.endsWith("bad") ? Promise.reject(new Error("404")) : fakeImage());
    const { draft, failed } = await paramsToDraft("IMAGE_VARIATION", { images: [{ input: "ok" }, { input: "bad" }] }, [], load);
    expect(failed).toEqual(["images"]);
    expect(draft.images).toHaveLength(1);
  });
});

describe("placeImage (use as…)", () => {
  const target = (id: string) => USE_AS_TARGETS.find((t) => t.id === id)!;

  it("lists every role of the issue", () => {
    expect(USE_AS_TARGETS.map((t) => `${t.task}:${t.role}`)).toEqual([
      "INPAINTING:Image to edit",
      "OUTPAINTING:Image to extend",
      "BACKGROUND_REMOVAL:Image",
      "IMAGE_VARIATION:Source image",
      "IMAGE_VARIATION:Add to source images",
      "VIRTUAL_TRY_ON:Person",
      "VIRTUAL_TRY_ON:Garment",
      "COLOR_GUIDED_GENERATION:Style reference",
      "TEXT_IMAGE:Condition image",
    ]);
  });

  it("replaces or appends variation sources, at most five", () => {
    const one = fakeImage();
    expect(placeImage({ images: [one] }, target("IMAGE_VARIATION.images"), fakeImage(640, 640))).toEqual({ images: [fakeImage(640, 640)] });
    expect(placeImage({ images: [one] }, target("IMAGE_VARIATION.images+"), one).images).toHaveLength(2);
    expect(() => placeImage({ images: Array(5).fill(one) }, target("IMAGE_VARIATION.images+"), one)).toThrow(/at most 5/);
  });

  it("drops a mask that no longer fits the new source image", () => {
    const mask = fakeImage(512, 512);
    expect(placeImage({ mask_image: mask }, target("INPAINTING.image"), fakeImage(640, 480))).toMatchObject({ mask_image: null });
    expect(placeImage({ mask_image: mask }, target("INPAINTING.image"), fakeImage(512, 512))).not.toHaveProperty("mask_image");
  });
});
