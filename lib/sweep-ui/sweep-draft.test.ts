import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { sweepRequestSchema } from "@/lib/sweeps/sweep-schemas";
import { testPlanDeps, TEST_MODELS } from "@/lib/sweeps/test-models";
import { axisChoices, newAxisDraft, withText, type AxisDraft } from "./axis-drafts";
import { buildSweepDraft, cellKey, priceByValue, runBlocker, type SweepDraftInput } from "./sweep-draft";

const fields = novaCanvas.taskFields.TEXT_IMAGE!;
const base = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a red fox", seed: 42, number_of_images: 1 };
const choices = axisChoices(novaCanvas, "TEXT_IMAGE", base.prompt, TEST_MODELS.map((m) => ({ id: m.id, label: m.label })));
const cfg = (text: string): AxisDraft => withText(newAxisDraft(choices.find((c) => c.key === "field:cfg_scale")!), text, fields.find((f) => f.name === "cfg_scale"));
const styles: AxisDraft = { ...newAxisDraft(choices.find((c) => c.key === "field:style")!), picked: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING", "DESIGN_SKETCH"] };
const input = (over: Partial<SweepDraftInput> = {}): SweepDraftInput => ({ base, axes: [cfg("3, 6, 9"), styles], choices, fields, dropped: new Set(), seedMode: "form", ...over });

describe("buildSweepDraft", () => {
  it("turns the acceptance's 3×3 into a request the API's schema takes, and a plan of 9 cells, 9 images, $1.08", () => {
    const r = buildSweepDraft(input(), testPlanDeps);
    expect(sweepRequestSchema.safeParse(r.request).success).toBe(true);
    expect(r.request).toMatchObject({ base: { seed: 42 }, axes: [{ field: "cfg_scale", values: [3, 6, 9] }, { field: "style" }] });
    expect(r.request).not.toHaveProperty("drop");
    expect([r.plan!.cells.length, r.plan!.images, r.plan!.totalMicros]).toEqual([9, 9, 1_080_000]);
    expect(runBlocker(r, null)).toBeNull();
    expect(runBlocker(r, 1_000_000)).toMatch(/cap/);
  });

  it("sends no seed for 'a random one' (the server draws one for every cell)", () => {
    const r = buildSweepDraft(input({ seedMode: "random" }), testPlanDeps);
    expect(r.request!.base).not.toHaveProperty("seed");
  });

  it("blocks Run while a refused cell is left in; leaving it out (by its values) drops its position", () => {
    const r = buildSweepDraft(input({ axes: [cfg("6, 12"), styles] }), testPlanDeps);
    expect(r.plan!.refused.map((c) => c.position)).toEqual([1, 3, 5]);
    expect(runBlocker(r, null)).toMatch(/3 cells would be refused/);
    const keys = new Set(r.plan!.refused.map((c) => cellKey(r.request!.axes, c)));
    const dropped = buildSweepDraft(input({ axes: [cfg("6, 12"), styles], dropped: keys }), testPlanDeps);
    expect(dropped.request!.drop).toEqual([1, 3, 5]);
    expect(runBlocker(dropped, null)).toBeNull();
    // The same cells stay left out when the axis grows in front of them.
    const grown = buildSweepDraft(input({ axes: [cfg("3, 6, 12"), styles], dropped: keys }), testPlanDeps);
    expect(grown.request!.drop).toEqual([2, 5, 8]);
  });

  it("names the axis that has no values yet", () => {
    const r = buildSweepDraft(input({ axes: [cfg("3"), { ...styles, picked: [] }] }), testPlanDeps);
    expect(r.request).toBeNull();
    expect(runBlocker(r, null)).toBe("Axis Y: Tick at least one value");
  });

  it("prices each model on a model axis", () => {
    const model: AxisDraft = { choice: "model", text: "", picked: TEST_MODELS.map((m) => m.id), parsed: null };
    const r = buildSweepDraft(input({ axes: [model] }), testPlanDeps);
    expect(priceByValue(r.plan!, 0).map((m) => [m.label, m.micros])).toEqual([
      [TEST_MODELS[0].label, 120_000],
      [TEST_MODELS[1].label, 8_500],
      [TEST_MODELS[2].label, 35_000],
    ]);
  });
});
