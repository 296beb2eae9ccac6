import { describe, expect, it } from "vitest";
import { mergePersisted, migratePersisted, persistedForm } from "@/lib/playground-form/draft-persist";
import type { TaskDraft } from "@/lib/playground-form/draft-types";
import { defaultDrafts } from "@/lib/playground-form/task-drafts";
import { fakeImage } from "@/lib/playground-form/test-images";
import { novaCanvas } from "@/lib/models";

const state = () => ({
  modelId: novaCanvas.id,
  taskType: "TEXT_IMAGE" as const,
  drafts: defaultDrafts(),
  modelDrafts: {} as Record<string, TaskDraft>,
  seedLocked: false,
});

describe("persisted form", () => {
  it("stores scalars only: images are not in localStorage", () => {
    const s = state();
    s.drafts.INPAINTING = { ...s.drafts.INPAINTING, prompt: "sky", image: fakeImage(), mask_image: fakeImage() };
    s.drafts.IMAGE_VARIATION = { ...s.drafts.IMAGE_VARIATION, images: [fakeImage()] };
    const stored = JSON.parse(JSON.stringify(persistedForm(s)));
    expect(stored.drafts.INPAINTING).toMatchObject({ prompt: "sky" });
    expect(stored.drafts.INPAINTING).not.toHaveProperty("image");
    expect(stored.drafts.INPAINTING).not.toHaveProperty("mask_image");
    expect(stored.drafts.IMAGE_VARIATION).not.toHaveProperty("images");
    expect(stored.drafts.COLOR_GUIDED_GENERATION.colors).toHaveLength(4);
    expect(JSON.stringify(stored)).not.toContain("data:image");
  });

  it("restores stored scalars without dropping images already in memory", () => {
    const current = state();
    const image = fakeImage();
    current.drafts.INPAINTING = { ...current.drafts.INPAINTING, image };
    const merged = mergePersisted(
      { taskType: "INPAINTING", seedLocked: true, drafts: { INPAINTING: { prompt: "sea", image: null, bogus: 1, cfg_scale: "x" } } },
      current,
    );
    expect(merged.taskType).toBe("INPAINTING");
    expect(merged.seedLocked).toBe(true);
    expect(merged.drafts.INPAINTING).toMatchObject({ prompt: "sea", image, cfg_scale: 7.5 });
    expect(merged.drafts.INPAINTING).not.toHaveProperty("bogus");
  });

  it("ignores an unknown task type", () => {
    expect(mergePersisted({ taskType: "NOPE" }, state()).taskType).toBe("TEXT_IMAGE");
  });

  it("migrates the version-1 TEXT_IMAGE draft", () => {
    const v1 = { draft: { prompt: "old", seed: 7 }, seedLocked: true };
    const migrated = migratePersisted(v1, 1);
    expect(migrated).toEqual({
      modelId: novaCanvas.id,
      modelDrafts: {},
      taskType: "TEXT_IMAGE",
      seedLocked: true,
      drafts: { TEXT_IMAGE: { prompt: "old", seed: 7 } },
    });
    expect(mergePersisted(migrated, state()).drafts.TEXT_IMAGE).toMatchObject({ prompt: "old", seed: 7, cfg_scale: 7.5 });
  });

  it("migrates version 2 (Nova Canvas's task drafts) to Nova Canvas chosen, no other model's draft", () => {
    const v2 = { taskType: "INPAINTING", seedLocked: false, drafts: { INPAINTING: { prompt: "sea" } } };
    const migrated = migratePersisted(v2, 2);
    expect(migrated).toMatchObject({ modelId: novaCanvas.id, modelDrafts: {}, taskType: "INPAINTING" });
    const merged = mergePersisted(migrated, state());
    expect(merged.modelId).toBe(novaCanvas.id);
    expect(merged.drafts.INPAINTING).toMatchObject({ prompt: "sea" });
  });

  it("keeps the chosen model and the other models' scalars, never their images", () => {
    const s = state();
    s.modelId = "seedream-5-0-lite";
    s.modelDrafts = { "seedream-5-0-lite": { prompt: "a kite", quality: "3K", images: [fakeImage()] } };
    const stored = JSON.parse(JSON.stringify(persistedForm(s)));
    expect(stored.modelId).toBe("seedream-5-0-lite");
    expect(stored.modelDrafts["seedream-5-0-lite"]).toEqual({ prompt: "a kite", quality: "3K" });
    const merged = mergePersisted(stored, state());
    expect(merged.modelId).toBe("seedream-5-0-lite");
    expect(merged.modelDrafts["seedream-5-0-lite"]).toEqual({ prompt: "a kite", quality: "3K" });
  });
});
