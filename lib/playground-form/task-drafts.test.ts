import { describe, expect, it } from "vitest";
import { carrySharedFields, defaultDraft, defaultDrafts, STARTER_PALETTE } from "@/lib/playground-form/task-drafts";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { TASK_TYPES, validateGenerationRequest } from "@/lib/models";

describe("default drafts", () => {
  it("have one key per field of the task, with model defaults", () => {
    expect(defaultDraft("TEXT_IMAGE")).toMatchObject({ prompt: "", style: "", image: null, cfg_scale: 7.5, seed: null, number_of_images: 1 });
    expect(defaultDraft("IMAGE_VARIATION")).toMatchObject({ images: [], similarity_strength: 0.7 });
    expect(defaultDraft("OUTPAINTING")).toMatchObject({ outpainting_mode: "DEFAULT", mask_by: "image" });
    expect(defaultDraft("VIRTUAL_TRY_ON")).toMatchObject({ mask_type: "GARMENT", garment_class: "UPPER_BODY", return_mask: false });
    expect(defaultDraft("COLOR_GUIDED_GENERATION").colors).toEqual(STARTER_PALETTE);
    expect(Object.keys(defaultDraft("BACKGROUND_REMOVAL"))).toEqual(["image"]);
  });

  it("produce requests whose only errors are the missing inputs", () => {
    for (const task of TASK_TYPES) {
      const result = validateGenerationRequest(draftToRequest(task, defaultDraft(task)));
      const fields = result.ok ? [] : result.errors.map((e) => e.field);
      expect(fields.every((f) => ["prompt", "image", "mask_image", "reference_image"].includes(f)), `${task}: ${fields}`).toBe(true);
    }
  });
});

describe("carrySharedFields", () => {
  it("copies the shared fields both tasks use and keeps the rest per task", () => {
    let drafts = defaultDrafts();
    drafts = { ...drafts, TEXT_IMAGE: { ...drafts.TEXT_IMAGE, prompt: "a fox", seed: 42, quality: "premium", style: "MAXIMALISM" } };
    const next = carrySharedFields(drafts, "TEXT_IMAGE", "INPAINTING");
    expect(next.INPAINTING).toMatchObject({ prompt: "a fox", seed: 42, quality: "premium" });
    expect(next.INPAINTING).not.toHaveProperty("style");
    expect(next.TEXT_IMAGE).toBe(drafts.TEXT_IMAGE);
  });

  it("leaves fields alone that the task switched from does not have", () => {
    const drafts = defaultDrafts();
    drafts.TEXT_IMAGE = { ...drafts.TEXT_IMAGE, prompt: "kept" };
    const next = carrySharedFields(drafts, "BACKGROUND_REMOVAL", "TEXT_IMAGE");
    expect(next.TEXT_IMAGE.prompt).toBe("kept");
    expect(carrySharedFields(drafts, "TEXT_IMAGE", "BACKGROUND_REMOVAL").BACKGROUND_REMOVAL).toEqual({ image: null });
  });

  it("VIRTUAL_TRY_ON takes the settings but has no prompt", () => {
    const drafts = defaultDrafts();
    drafts.TEXT_IMAGE = { ...drafts.TEXT_IMAGE, prompt: "p", number_of_images: 3 };
    const next = carrySharedFields(drafts, "TEXT_IMAGE", "VIRTUAL_TRY_ON");
    expect(next.VIRTUAL_TRY_ON.number_of_images).toBe(3);
    expect(next.VIRTUAL_TRY_ON).not.toHaveProperty("prompt");
  });
});
