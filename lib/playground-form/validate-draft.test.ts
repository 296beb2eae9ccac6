import { describe, expect, it } from "vitest";
import { defaultDraft } from "@/lib/playground-form/task-drafts";
import { fakeImage } from "@/lib/playground-form/test-images";
import { checkDraft, groupErrors } from "@/lib/playground-form/validate-draft";
import type { TaskType } from "@/lib/models";

const draft = (task: TaskType, over: Record<string, unknown> = {}) => ({ ...defaultDraft(task), ...over }) as ReturnType<typeof defaultDraft>;

describe("checkDraft", () => {
  it("gives the API's own messages, by field", () => {
    const check = checkDraft("TEXT_IMAGE", draft("TEXT_IMAGE", { prompt: "a".repeat(1025) }));
    expect(check.ok).toBe(false);
    expect(check.fieldErrors.prompt).toBe("prompt must be at most 1024 characters (got 1025)");
  });

  it("reports an emptied number box instead of falling back to the default", () => {
    const check = checkDraft("TEXT_IMAGE", draft("TEXT_IMAGE", { prompt: "x", cfg_scale: null }));
    expect(check.fieldErrors.cfg_scale).toBe("cfg_scale is required");
  });

  it("puts IMAGE_VARIATION's missing source on the images field", () => {
    const check = checkDraft("IMAGE_VARIATION", draft("IMAGE_VARIATION"));
    expect(check.fieldErrors.images).toMatch(/^image is required for IMAGE_VARIATION/);
  });

  it("asks for a mask on INPAINTING when neither source is given", () => {
    const check = checkDraft("INPAINTING", draft("INPAINTING", { image: fakeImage(), mask_by: "prompt" }));
    expect(check.fieldErrors.mask_image).toMatch(/needs a mask/);
    expect(checkDraft("INPAINTING", draft("INPAINTING", { image: fakeImage(), mask_by: "prompt", mask_prompt: "car" })).ok).toBe(true);
  });

  it("blocks images that break the input rules, and masks of another size", () => {
    const translucent = checkDraft("BACKGROUND_REMOVAL", draft("BACKGROUND_REMOVAL", { image: fakeImage(512, 512, { translucentPixels: 9 }) }));
    expect(translucent.ok).toBe(false);
    expect(translucent.imageErrors.image).toMatch(/transparent or translucent/);
    const mask = checkDraft("INPAINTING", draft("INPAINTING", { image: fakeImage(512, 512), mask_image: fakeImage(640, 480) }));
    expect(mask.imageErrors.mask_image).toMatch(/must be exactly 512×512/);
    const jpegMask = checkDraft("INPAINTING", draft("INPAINTING", { image: fakeImage(), mask_image: fakeImage(512, 512, { format: "jpeg" }) }));
    expect(jpegMask.imageErrors.mask_image).toBe("mask_image must be a PNG (got jpeg)");
    const tooSmall = checkDraft("IMAGE_VARIATION", draft("IMAGE_VARIATION", { images: [fakeImage(), fakeImage(100, 100)] }));
    expect(tooSmall.imageErrors.images).toMatch(/^images\[1\] sides must be at least 320 px/);
  });

  it("accepts a complete try-on", () => {
    const ok = draft("VIRTUAL_TRY_ON", { image: fakeImage(), reference_image: fakeImage() });
    expect(checkDraft("VIRTUAL_TRY_ON", ok)).toMatchObject({ ok: true, fieldErrors: {}, imageErrors: {} });
  });
});

describe("groupErrors", () => {
  it("maps indexed and aliased fields to the form's field and keeps the rest as form errors", () => {
    const grouped = groupErrors("COLOR_GUIDED_GENERATION", [
      { field: "colors", message: "colors[2] must be a colour" },
      { field: "", message: "request body must be a JSON object" },
      { field: "model", message: "bad model" },
    ]);
    expect(grouped.fieldErrors).toEqual({ colors: "colors[2] must be a colour" });
    expect(grouped.formErrors).toEqual(["request body must be a JSON object", "model: bad model"]);
    expect(groupErrors("INPAINTING", [{ field: "inpaint_mask_prompt", message: "m" }]).fieldErrors).toEqual({ mask_prompt: "m" });
  });
});
