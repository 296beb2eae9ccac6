import { describe, expect, it, vi } from "vitest";
import type { ApiJob } from "@/lib/api-types";
import { leftOutParams, planReuse, reuseNotice } from "@/lib/playground-form/reuse-plan";
import { fakeImage } from "@/lib/playground-form/test-images";
import { FLUX, NOVA, OFFERED, RETIRED_NOVA, SEEDREAM } from "@/lib/playground-form/test-models";

const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const job = (over: Partial<ApiJob>): ApiJob =>
  ({ id: "j1", model: NOVA.id, taskType: "TEXT_IMAGE", params: {}, seed: null, inputs: [], ...over }) as ApiJob;

const novaParams = { task_type: "TEXT_IMAGE", prompt: "a harbour", seed: 12, number_of_images: 2, aspect_ratio: "16:9", quality: "premium", cfg_scale: 6, style: "PHOTOREALISM", size_scale: "small" };

describe("planReuse", () => {
  it("loads a job into its own model and task when that model can run", () => {
    const plan = planReuse(job({ model: FLUX.id }), OFFERED, NOVA.id);
    expect(plan).toMatchObject({ ok: true, task: "TEXT_IMAGE", reason: null });
    expect(plan.ok && plan.model.id).toBe(FLUX.id);
  });

  it("loads a retired model's job into the chosen model, saying why", () => {
    const plan = planReuse(job({ taskType: "INPAINTING" }), [RETIRED_NOVA, FLUX, SEEDREAM], SEEDREAM.id);
    expect(plan).toMatchObject({ ok: true, task: "TEXT_IMAGE", reason: "Amazon Nova Canvas was retired on 2026-09-30" });
    expect(plan.ok && plan.model.id).toBe(SEEDREAM.id);
  });

  it("uses the first model that can run when the chosen one cannot, and names a model no longer offered", () => {
    const plan = planReuse(job({ model: "old-model" }), [RETIRED_NOVA, FLUX], NOVA.id);
    expect(plan).toMatchObject({ ok: true, reason: "old-model is not offered any more" });
    expect(plan.ok && plan.model.id).toBe(FLUX.id);
    expect(planReuse(job({}), [RETIRED_NOVA], NOVA.id)).toMatchObject({ ok: false });
  });

  it("trusts only a built-in model while the list is loading", () => {
    expect(planReuse(job({}), undefined, NOVA.id)).toMatchObject({ ok: true, reason: null });
    expect(planReuse(job({ model: FLUX.id }), undefined, NOVA.id)).toMatchObject({ ok: false });
  });
});

describe("what a reuse into another model leaves out", () => {
  it("names the parameters the target has no field for, in the notice", async () => {
    const plan = planReuse(job({ params: novaParams }), [RETIRED_NOVA, FLUX], FLUX.id);
    if (!plan.ok) throw new Error(plan.message);
    const left = leftOutParams(novaParams, plan.model, plan.task);
    expect(left).toEqual(["quality", "cfg_scale", "style", "size_scale"]);
    expect(reuseNotice(plan.reason!, plan.model, ["cfg_scale", "style"])).toBe(
      "Amazon Nova Canvas was retired on 2026-09-30; loaded into FLUX.2 [klein] 4B without cfg_scale, style",
    );
  });

  it("reuseJobParams switches to the target model, keeps what fits and sets the notice", async () => {
    const { reuseJobParams } = await import("@/lib/playground-form/reuse-params");
    const { currentDraftOf, useFormStore } = await import("@/lib/playground-form/form-store");
    const load = vi.fn(async () => fakeImage(640, 480));
    const variation = job({
      taskType: "IMAGE_VARIATION",
      seed: 12,
      params: { task_type: "IMAGE_VARIATION", prompt: "snow", images: [{ input: "aa" }], number_of_images: 5, cfg_scale: 6, similarity_strength: 0.5 },
    });
    useFormStore.setState({ modelId: SEEDREAM.id });
    await reuseJobParams(variation, true, load, [RETIRED_NOVA, FLUX, SEEDREAM]);
    const s = useFormStore.getState();
    expect(s.modelId).toBe(SEEDREAM.id);
    const draft = currentDraftOf(s);
    expect(draft).toMatchObject({ prompt: "snow", seed: 12, number_of_images: 1, quality: "2K" });
    expect(draft.images).toHaveLength(1);
    expect(s.notice).toBe(
      "Amazon Nova Canvas was retired on 2026-09-30; loaded into Seedream 5.0 Lite without cfg_scale, similarity_strength, number_of_images",
    );

    await reuseJobParams(job({ model: FLUX.id, params: { prompt: "flux again", number_of_images: 3 } }), false, load, OFFERED);
    expect(useFormStore.getState().modelId).toBe(FLUX.id);
    expect(currentDraftOf(useFormStore.getState())).toMatchObject({ prompt: "flux again", number_of_images: 3 });
    expect(useFormStore.getState().notice).toBeNull();
  });
});
