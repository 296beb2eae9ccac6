import { describe, expect, it } from "vitest";
import { TASK_TYPES } from "@/lib/models/task-types";
import { IMG, MASK, parseOk, VALID, variant } from "@/lib/models/nova-canvas/test-fixtures";
import { buildUpstreamPayload } from "@/lib/models/nova-canvas/upstream-payload";

describe("buildUpstreamPayload", () => {
  it("writes the defaults out and names the model", () => {
    expect(buildUpstreamPayload(parseOk(VALID.TEXT_IMAGE))).toEqual({
      model: "amazon-nova-canvas",
      task_type: "TEXT_IMAGE",
      prompt: "a lighthouse at dusk",
      quality: "standard",
      number_of_images: 1,
      cfg_scale: 7.5,
      aspect_ratio: "1:1",
      size_scale: "small",
    });
  });

  it("omits an empty negative_prompt and keeps a real one", () => {
    expect(buildUpstreamPayload(parseOk(variant("TEXT_IMAGE", { negative_prompt: "" })))).not.toHaveProperty("negative_prompt");
    // Even a hand-built request that bypassed validation never sends "".
    const raw = { ...parseOk(VALID.TEXT_IMAGE), negative_prompt: "" } as Parameters<typeof buildUpstreamPayload>[0];
    expect(buildUpstreamPayload(raw)).not.toHaveProperty("negative_prompt");
    expect(buildUpstreamPayload(parseOk(variant("TEXT_IMAGE", { negative_prompt: "blur" })))).toMatchObject({ negative_prompt: "blur" });
  });

  it("sends control settings only with a condition image, with their defaults", () => {
    expect(buildUpstreamPayload(parseOk(variant("TEXT_IMAGE", { image: IMG })))).toMatchObject({
      image: IMG,
      control_mode: "CANNY_EDGE",
      control_strength: 0.7,
    });
    const stray = { ...parseOk(VALID.TEXT_IMAGE), control_mode: "SEGMENTATION" } as Parameters<typeof buildUpstreamPayload>[0];
    expect(buildUpstreamPayload(stray)).not.toHaveProperty("control_mode");
  });

  it("sends only the fields of the task", () => {
    const req = { ...parseOk(VALID.INPAINTING), style: "PHOTOREALISM", aspect_ratio: "1:1" } as Parameters<typeof buildUpstreamPayload>[0];
    expect(buildUpstreamPayload(req)).toEqual({
      model: "amazon-nova-canvas",
      task_type: "INPAINTING",
      image: IMG,
      mask_image: MASK,
      quality: "standard",
      number_of_images: 1,
      cfg_scale: 7.5,
    });
  });

  it("sends BACKGROUND_REMOVAL with the image only", () => {
    expect(buildUpstreamPayload(parseOk(VALID.BACKGROUND_REMOVAL))).toEqual({
      model: "amazon-nova-canvas",
      task_type: "BACKGROUND_REMOVAL",
      image: IMG,
    });
  });

  it("adds the task defaults of IMAGE_VARIATION and OUTPAINTING", () => {
    expect(buildUpstreamPayload(parseOk(VALID.IMAGE_VARIATION))).toMatchObject({ similarity_strength: 0.7, aspect_ratio: "1:1" });
    expect(buildUpstreamPayload(parseOk(VALID.OUTPAINTING))).toMatchObject({ outpainting_mode: "DEFAULT" });
  });

  it("sends the seed when there is one, and sync only when asked", () => {
    for (const task of TASK_TYPES) {
      const payload = buildUpstreamPayload(parseOk(VALID[task]));
      expect(payload).not.toHaveProperty("sync");
      expect(payload).not.toHaveProperty("seed");
    }
    expect(buildUpstreamPayload(parseOk(variant("TEXT_IMAGE", { seed: 42 })), { sync: true })).toMatchObject({ seed: 42, sync: true });
    expect(buildUpstreamPayload(parseOk(VALID.TEXT_IMAGE), { sync: false })).not.toHaveProperty("sync");
  });

  it("does not forward a model id from the request", () => {
    const payload = buildUpstreamPayload(parseOk(variant("TEXT_IMAGE", { model: "amazon-nova-canvas" })), { modelId: "amazon-nova-canvas-2" });
    expect(payload.model).toBe("amazon-nova-canvas-2");
  });
});
