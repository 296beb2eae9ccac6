import { beforeAll, describe, expect, it, vi } from "vitest";
import { fakeImage } from "@/lib/playground-form/test-images";

/** A localStorage for node, so the store's persistence runs as in the browser. */
const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

let store: typeof import("@/lib/playground-form/form-store");
beforeAll(async () => {
  store = await import("@/lib/playground-form/form-store");
  await store.useFormStore.persist.rehydrate();
});

const saved = () => JSON.parse(storage.get("nova-canvas.text-image-draft") ?? "{}");

describe("form store", () => {
  it("switching task carries the shared fields and resets touched/attempt state", () => {
    const s = store.useFormStore.getState();
    s.setField("prompt", "a harbour at dawn");
    s.setField("style", "PHOTOREALISM");
    s.touch("prompt");
    s.markRunAttempted();
    s.setTaskType("OUTPAINTING");
    const now = store.useFormStore.getState();
    expect(now.taskType).toBe("OUTPAINTING");
    expect(now.drafts.OUTPAINTING.prompt).toBe("a harbour at dawn");
    expect(now.drafts.OUTPAINTING).not.toHaveProperty("style");
    expect(now.touched).toEqual({});
    expect(now.runAttempted).toBe(false);
    expect(now.drafts.TEXT_IMAGE.style).toBe("PHOTOREALISM");
  });

  it("keeps images in memory but never in localStorage", () => {
    const s = store.useFormStore.getState();
    s.setTaskField("OUTPAINTING", "image", fakeImage());
    expect(store.useFormStore.getState().drafts.OUTPAINTING.image).toMatchObject({ width: 512 });
    expect(saved().state.drafts.OUTPAINTING.prompt).toBe("a harbour at dawn");
    expect(saved().state.drafts.OUTPAINTING).not.toHaveProperty("image");
    expect(saved().state.taskType).toBe("OUTPAINTING");
  });

  it("survives a rehydration with its images", async () => {
    await store.useFormStore.persist.rehydrate();
    const s = store.useFormStore.getState();
    expect(s.taskType).toBe("OUTPAINTING");
    expect(s.drafts.OUTPAINTING.image).toMatchObject({ width: 512 });
  });

  it("loadDraft replaces a task's draft over its defaults and switches to it", () => {
    store.useFormStore.getState().loadDraft("COLOR_GUIDED_GENERATION", { prompt: "p", colors: ["#000000"] });
    const s = store.useFormStore.getState();
    expect(s.taskType).toBe("COLOR_GUIDED_GENERATION");
    expect(s.drafts.COLOR_GUIDED_GENERATION).toMatchObject({ prompt: "p", colors: ["#000000"], cfg_scale: 7.5, reference_image: null });
  });

  it("rollSeed writes a seed into the current draft", () => {
    const seed = store.useFormStore.getState().rollSeed();
    expect(store.useFormStore.getState().drafts.COLOR_GUIDED_GENERATION.seed).toBe(seed);
  });
});
