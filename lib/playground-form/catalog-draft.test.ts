import { describe, expect, it } from "vitest";
import { imageEntries, parseEntryKey } from "@/lib/playground-form/draft-image-entries";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { defaultModelDraft } from "@/lib/playground-form/model-drafts";
import { defaultDrafts } from "@/lib/playground-form/task-drafts";
import { fakeImage } from "@/lib/playground-form/test-images";
import { FLUX, SEEDREAM } from "@/lib/playground-form/test-models";
import { checkDraft } from "@/lib/playground-form/validate-draft";
import { definitionOf } from "@/lib/queries/use-models";

const flux = definitionOf(FLUX)!;
const seedream = definitionOf(SEEDREAM)!;

describe("a catalog model's draft", () => {
  it("becomes a request with only that model's fields, checked by its own rules", () => {
    const draft = { ...defaultModelDraft(flux), prompt: "a kite", number_of_images: 6, cfg_scale: 7 };
    expect(draftToRequest("TEXT_IMAGE", draft, flux)).toEqual({ task_type: "TEXT_IMAGE", prompt: "a kite", number_of_images: 6, aspect_ratio: "1:1" });
    const check = checkDraft("TEXT_IMAGE", draft, flux);
    expect(check.ok).toBe(false);
    // The message the API gives for the same request.
    const api = flux.validate({ model: flux.id, task_type: "TEXT_IMAGE", prompt: "a kite", number_of_images: 6 });
    expect(api.ok).toBe(false);
    expect(check.fieldErrors.number_of_images).toBe(!api.ok && api.errors.find((e) => e.field === "number_of_images")?.message);
  });

  it("sends reference images as data URLs and checks each one's size", () => {
    const image = fakeImage(640, 480);
    const draft = { ...defaultModelDraft(seedream), prompt: "edit", images: [image] };
    expect(draftToRequest("TEXT_IMAGE", draft, seedream).images).toEqual([image.dataUrl]);
    expect(checkDraft("TEXT_IMAGE", draft, seedream).ok).toBe(true);
    const tiny = { ...draft, images: [fakeImage(8, 8)] };
    expect(checkDraft("TEXT_IMAGE", tiny, seedream).imageErrors.images).toMatch(/images\[0\]/);
  });

  it("keeps its images in IndexedDB under the model's id", () => {
    const image = fakeImage();
    const entries = imageEntries(defaultDrafts(), { [seedream.id]: { prompt: "p", images: [image] } });
    expect([...entries.keys()]).toEqual(["model/seedream-5-0-lite/images"]);
    expect(parseEntryKey("model/seedream-5-0-lite/images")).toEqual({ modelId: "seedream-5-0-lite", field: "images" });
    expect(parseEntryKey("model/a.b/images")).toEqual({ modelId: "a.b", field: "images" });
  });
});
