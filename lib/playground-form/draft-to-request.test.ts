import { describe, expect, it } from "vitest";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { defaultDraft } from "@/lib/playground-form/task-drafts";
import { fakeImage } from "@/lib/playground-form/test-images";
import { validateGenerationRequest, type TaskType } from "@/lib/models";

const draft = (task: TaskType, over: Record<string, unknown> = {}) => ({ ...defaultDraft(task), ...over }) as ReturnType<typeof defaultDraft>;
const IMG = fakeImage(640, 480);
const MASK = fakeImage(640, 480, { dataUrl: "data:image/png;base64,MASK" });

describe("draftToRequest", () => {
  it("TEXT_IMAGE: the defaults and the prompt, nothing empty, numbers as numbers", () => {
    expect(draftToRequest("TEXT_IMAGE", draft("TEXT_IMAGE", { prompt: "a cat", negative_prompt: "  " }))).toEqual({
      task_type: "TEXT_IMAGE",
      prompt: "a cat",
      aspect_ratio: "1:1",
      size_scale: "small",
      quality: "standard",
      number_of_images: 1,
      cfg_scale: 7.5,
    });
  });

  it("TEXT_IMAGE: control mode and strength only with a condition image", () => {
    const without = draftToRequest("TEXT_IMAGE", draft("TEXT_IMAGE", { prompt: "x", control_mode: "SEGMENTATION" }));
    expect(without).not.toHaveProperty("control_mode");
    expect(without).not.toHaveProperty("control_strength");
    const withImage = draftToRequest("TEXT_IMAGE", draft("TEXT_IMAGE", { prompt: "x", image: IMG, control_mode: "SEGMENTATION" }));
    expect(withImage).toMatchObject({ image: IMG.dataUrl, control_mode: "SEGMENTATION", control_strength: 0.7 });
  });

  it("INPAINTING: sends only the chosen mask source", () => {
    const base = { image: IMG, mask_image: MASK, mask_prompt: "the car" };
    const byImage = draftToRequest("INPAINTING", draft("INPAINTING", { ...base, mask_by: "image" }));
    expect(byImage).toMatchObject({ image: IMG.dataUrl, mask_image: MASK.dataUrl });
    expect(byImage).not.toHaveProperty("mask_prompt");
    expect(byImage).not.toHaveProperty("mask_by");
    const byPrompt = draftToRequest("INPAINTING", draft("INPAINTING", { ...base, mask_by: "prompt" }));
    expect(byPrompt).toMatchObject({ mask_prompt: "the car" });
    expect(byPrompt).not.toHaveProperty("mask_image");
    expect(validateGenerationRequest(byPrompt).ok).toBe(true);
  });

  it("IMAGE_VARIATION: one source goes as image, several as images", () => {
    const one = draftToRequest("IMAGE_VARIATION", draft("IMAGE_VARIATION", { images: [IMG] }));
    expect(one).toMatchObject({ image: IMG.dataUrl, similarity_strength: 0.7 });
    expect(one).not.toHaveProperty("images");
    const two = draftToRequest("IMAGE_VARIATION", draft("IMAGE_VARIATION", { images: [IMG, MASK] }));
    expect(two).toMatchObject({ images: [IMG.dataUrl, MASK.dataUrl] });
    expect(two).not.toHaveProperty("image");
    expect(validateGenerationRequest(two).ok).toBe(true);
  });

  it("BACKGROUND_REMOVAL: only the image, even with shared fields in the draft", () => {
    const req = draftToRequest("BACKGROUND_REMOVAL", { ...draft("BACKGROUND_REMOVAL", { image: IMG }), prompt: "x", seed: 5 });
    expect(req).toEqual({ task_type: "BACKGROUND_REMOVAL", image: IMG.dataUrl });
  });

  it("VIRTUAL_TRY_ON: each mask type sends its own fields only; unset choices are left out", () => {
    const base = { image: IMG, reference_image: MASK, garment_class: "LONG_PANTS", mask_prompt: "legs", long_sleeve_style: "SLEEVE_UP", mask_shape: "" };
    const garment = draftToRequest("VIRTUAL_TRY_ON", draft("VIRTUAL_TRY_ON", { ...base, mask_type: "GARMENT" }));
    expect(garment).toMatchObject({ mask_type: "GARMENT", garment_class: "LONG_PANTS", long_sleeve_style: "SLEEVE_UP" });
    expect(garment).not.toHaveProperty("mask_prompt");
    expect(garment).not.toHaveProperty("mask_shape");
    expect(garment).not.toHaveProperty("preserve_face");
    expect(garment).not.toHaveProperty("return_mask");
    expect(validateGenerationRequest(garment).ok).toBe(true);
    const prompt = draftToRequest("VIRTUAL_TRY_ON", draft("VIRTUAL_TRY_ON", { ...base, mask_type: "PROMPT", return_mask: true }));
    expect(prompt).toMatchObject({ mask_type: "PROMPT", mask_prompt: "legs", return_mask: true });
    expect(prompt).not.toHaveProperty("garment_class");
    expect(prompt).not.toHaveProperty("long_sleeve_style");
    expect(validateGenerationRequest(prompt).ok).toBe(true);
  });

  it("COLOR_GUIDED_GENERATION: the palette as given", () => {
    const req = draftToRequest("COLOR_GUIDED_GENERATION", draft("COLOR_GUIDED_GENERATION", { prompt: "x", colors: ["#ff0000"] }));
    expect(req).toMatchObject({ colors: ["#ff0000"] });
    expect(req).not.toHaveProperty("reference_image");
  });
});
