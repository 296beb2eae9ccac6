import { beforeAll, describe, expect, it, vi } from "vitest";
import { carryAcrossModels, defaultModelDraft, fitsField, modelFields } from "@/lib/playground-form/model-drafts";
import { FLUX, SEEDREAM } from "@/lib/playground-form/test-models";
import { definitionOf } from "@/lib/queries/use-models";
import { novaCanvas } from "@/lib/models";

const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const flux = definitionOf(FLUX)!;
const seedream = definitionOf(SEEDREAM)!;

describe("model drafts", () => {
  it("a catalog model's default draft has each of its fields, defaults written out", () => {
    expect(defaultModelDraft(seedream)).toMatchObject({ prompt: "", number_of_images: 1, aspect_ratio: "1:1", quality: "2K", seed: null, images: [] });
    expect(modelFields(flux).map((f) => f.name)).not.toContain("images");
  });

  it("carries the shared fields that fit the target, and nothing else", () => {
    const from = { prompt: "a fox", seed: 9, number_of_images: 5, aspect_ratio: "1:1", cfg_scale: 6.5, style: "PHOTOREALISM" };
    const to = carryAcrossModels(from, defaultModelDraft(flux), modelFields(flux));
    // FLUX takes at most four images: 5 does not fit and the target keeps its own value.
    expect(to).toMatchObject({ prompt: "a fox", seed: 9, number_of_images: 1, aspect_ratio: "1:1" });
    expect(to).not.toHaveProperty("cfg_scale");
    expect(to).not.toHaveProperty("style");
    expect(fitsField(modelFields(flux).find((f) => f.name === "aspect_ratio")!, "21:9")).toBe(true);
  });
});

describe("form store across models", () => {
  let store: typeof import("@/lib/playground-form/form-store");
  beforeAll(async () => {
    store = await import("@/lib/playground-form/form-store");
    await store.useFormStore.persist.rehydrate();
  });
  const state = () => store.useFormStore.getState();
  const saved = () => JSON.parse(storage.get("nova-canvas.text-image-draft") ?? "{}").state;

  it("keeps each model's own draft and carries the shared fields across", () => {
    state().setField("prompt", "a lighthouse");
    state().setField("cfg_scale", 9);
    state().setModel(seedream);
    expect(state().modelId).toBe(SEEDREAM.id);
    expect(store.currentDraftOf(state())).toMatchObject({ prompt: "a lighthouse", quality: "2K" });
    state().setField("quality", "3K");
    state().setField("prompt", "a lighthouse, by night");

    state().setModel(flux);
    expect(store.currentDraftOf(state())).toMatchObject({ prompt: "a lighthouse, by night" });
    expect(store.currentDraftOf(state())).not.toHaveProperty("quality");

    state().setModel(novaCanvas);
    expect(state().taskType).toBe("TEXT_IMAGE");
    expect(state().drafts.TEXT_IMAGE).toMatchObject({ prompt: "a lighthouse, by night", cfg_scale: 9 });

    state().setModel(seedream);
    expect(store.currentDraftOf(state())).toMatchObject({ quality: "3K" });
  });

  it("remembers the chosen model and the other models' drafts in localStorage", () => {
    expect(saved().modelId).toBe(SEEDREAM.id);
    expect(saved().modelDrafts[SEEDREAM.id]).toMatchObject({ quality: "3K", prompt: "a lighthouse, by night" });
  });

  it("loadModelDraft switches model and clears the attempt; a user's switch clears a notice", () => {
    state().markRunAttempted();
    state().loadModelDraft(flux, { prompt: "reused", number_of_images: 3 });
    expect(state().modelId).toBe(FLUX.id);
    expect(state().runAttempted).toBe(false);
    expect(store.currentDraftOf(state())).toMatchObject({ prompt: "reused", number_of_images: 3, aspect_ratio: "1:1" });
    state().setNotice("left out");
    state().setModel(seedream);
    expect(state().notice).toBeNull();
  });

  it("choosing the remembered model again completes a draft that came back with scalars only", () => {
    store.useFormStore.setState((s) => ({ modelId: SEEDREAM.id, modelDrafts: { ...s.modelDrafts, [SEEDREAM.id]: { prompt: "kept" } } }));
    state().setModel(seedream);
    expect(store.currentDraftOf(state())).toMatchObject({ prompt: "kept", images: [], quality: "2K" });
    const before = state();
    state().setModel(seedream);
    expect(state()).toBe(before);
  });
});
