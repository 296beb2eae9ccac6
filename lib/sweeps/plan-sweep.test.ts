import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { describeRefusal, planSweep, runOrder } from "./plan-sweep";
import { cellCoords, cellPosition, type SweepAxis } from "./sweep-axis";
import { FLUX_ID, SEEDREAM_ID, testPlanDeps, TEST_MODELS } from "./test-models";

const base = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a red fox in the snow", seed: 42 };
const cfg: SweepAxis = { field: "cfg_scale", values: [3, 6, 9] };
const styles: SweepAxis = { field: "style", values: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING", "DESIGN_SKETCH"] };

describe("planSweep", () => {
  it("plans the acceptance's 3×3 (cfg × style, fixed seed): 9 cells, 9 images, $1.08", () => {
    const plan = planSweep({ base, axes: [cfg, styles] }, testPlanDeps);
    expect(plan.problems).toEqual([]);
    expect(plan.shape).toEqual([3, 3, 1]);
    expect([plan.runs, plan.images, plan.totalMicros]).toEqual([9, 9, 1_080_000]);
    expect(plan.axisLabels).toEqual(["Prompt strength (CFG)", "Style"]);
    const cell = plan.cells[cellPosition(plan.shape, 2, 1, 0)];
    expect(cell.labels).toEqual(["9", novaCanvas.taskFields.TEXT_IMAGE!.find((f) => f.name === "style")!.optionLabels!.SOFT_DIGITAL_PAINTING]);
    expect(cell.run!.request).toMatchObject({ cfg_scale: 9, style: "SOFT_DIGITAL_PAINTING", seed: 42, prompt: base.prompt });
    expect(new Set(plan.cells.map((c) => c.run!.request.seed))).toEqual(new Set([42]));
  });

  it("gives every cell the sweep's seed, unless an axis varies the seed", () => {
    const fixed = planSweep({ base: { ...base, seed: undefined }, axes: [cfg], seed: 7 }, testPlanDeps);
    expect(fixed.cells.map((c) => c.run!.request.seed)).toEqual([7, 7, 7]);
    const seeds = planSweep({ base, axes: [{ field: "seed", values: [1, 2] }], seed: 7 }, testPlanDeps);
    expect(seeds.cells.map((c) => c.run!.request.seed)).toEqual([1, 2]);
  });

  it("names each refused cell with its values and the model's own message; nothing is priced for it", () => {
    const plan = planSweep({ base, axes: [{ field: "cfg_scale", values: [6, 12] }, styles] }, testPlanDeps);
    expect(plan.refused.map((c) => c.position)).toEqual([1, 3, 5]);
    expect(describeRefusal(plan.refused[0])).toMatch(/^Cell 2 \(12 × .+\): cfg_scale .*10/);
    expect(plan.runs).toBe(3);
    // Dropping the refused cells leaves a sweep that can run.
    const dropped = planSweep({ base, axes: [{ field: "cfg_scale", values: [6, 12] }, styles], drop: [1, 3, 5] }, testPlanDeps);
    expect([dropped.refused.length, dropped.runs, dropped.totalMicros]).toEqual([0, 3, 360_000]);
  });

  it("runs a model axis: the prompt and shared parameters carried over, each model at its own price", () => {
    const plan = planSweep(
      { base: { ...base, negative_prompt: "blur", cfg_scale: 6.5, number_of_images: 1 }, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID, SEEDREAM_ID] }] },
      testPlanDeps,
    );
    expect(plan.refused.map(describeRefusal)).toEqual([]);
    expect(plan.cells.map((c) => c.labels[0])).toEqual(TEST_MODELS.map((m) => m.label));
    const [nova, flux, seedream] = plan.cells.map((c) => c.run!);
    expect(flux.request).toMatchObject({ model: FLUX_ID, prompt: base.prompt, seed: 42 });
    expect(flux.request.cfg_scale).toBeUndefined();
    expect(seedream.request.negative_prompt).toBeUndefined();
    expect(nova.estimate.totalMicros).toBe(120_000);
    expect(flux.estimate.totalMicros).toBe(8_500);
    expect(seedream.estimate.totalMicros).toBe(35_000);
    expect(plan.totalMicros).toBe(163_500);
  });

  it("carries a shared parameter over only with a value the other model takes (Nova's quality is not Seedream's)", () => {
    const form = { ...base, quality: "standard", number_of_images: 1, cfg_scale: 6.5 };
    const plan = planSweep({ base: form, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID, SEEDREAM_ID] }] }, testPlanDeps);
    expect(plan.refused.map(describeRefusal)).toEqual([]);
    const [nova, , seedream] = plan.cells.map((c) => c.run!);
    expect(nova.request.quality).toBe("standard");
    expect(seedream.request.quality).not.toBe("standard");
    expect(seedream.estimate.totalMicros).toBe(35_000);
  });

  it("refuses a cell whose model does not take the axis's parameter, naming the model", () => {
    const plan = planSweep({ base, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID] }, cfg] }, testPlanDeps);
    expect(plan.refused.map(describeRefusal)).toEqual([1, 3, 5].map((p) => `Cell ${p + 1} (FLUX.2 [klein] 4B × ${[3, 6, 9][(p - 1) / 2]}): FLUX.2 [klein] 4B takes no cfg_scale`));
  });

  it("replaces the search text in the prompt and the negative prompt (Prompt S/R and {a|b|c})", () => {
    const plan = planSweep(
      { base: { ...base, negative_prompt: "red eyes" }, axes: [{ field: "prompt", search: "red", values: ["red", "arctic"] }] },
      testPlanDeps,
    );
    expect(plan.cells.map((c) => [c.run!.request.prompt, c.run!.request.negative_prompt])).toEqual([
      ["a red fox in the snow", "red eyes"],
      ["a arctic fox in the snow", "arctic eyes"],
    ]);
    const alt = planSweep({ base: { ...base, prompt: "a {red|grey} fox" }, axes: [{ field: "prompt", search: "{red|grey}", values: ["red", "grey"] }] }, testPlanDeps);
    expect(alt.cells.map((c) => c.run!.request.prompt)).toEqual(["a red fox", "a grey fox"]);
  });

  it("says what is wrong with the axes before planning any cell", () => {
    const problems = (axes: SweepAxis[]) => planSweep({ base, axes }, testPlanDeps).problems.map((p) => p.message);
    expect(problems([cfg, { ...cfg, values: [1] }])).toEqual(["axes[1] varies cfg_scale like axes[0]: use one axis per parameter"]);
    expect(problems([{ field: "prompt", search: "wolf", values: ["wolf", "dog"] }])).toEqual(['axes[0].search "wolf" does not occur in the prompt']);
    expect(problems([{ field: "prompt", values: ["x"] }])).toEqual(["axes[0] is a prompt axis: search (the text to replace) is required"]);
    expect(problems([{ field: "model", values: [1] }])).toEqual(["axes[0] is a model axis: its values must be model ids"]);
    const wide = (n: number): SweepAxis => ({ field: "seed", values: Array.from({ length: n }, (_, i) => i) });
    expect(problems([wide(11), { field: "cfg_scale", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }])).toEqual(["The sweep has 110 cells (11 × 10); at most 100"]);
    expect(problems([{ field: "model", values: ["no-such-model"] }])).toEqual([]);
    expect(problems([{ field: "constructor", values: [1] }])[0]).toMatch(/^axes\[0\]\.field "constructor" is not a parameter of this sweep; one of model, prompt, negative_prompt, style, /);
    expect(planSweep({ base, axes: [cfg] }, testPlanDeps).problems).toEqual([]);
    expect(planSweep({ base, axes: [{ field: "model", values: ["no-such-model"] }] }, testPlanDeps).refused[0].errors[0].message).toBe("There is no model no-such-model on offer");
  });
});

describe("runOrder and cell positions", () => {
  it("puts the model axis outermost and otherwise keeps row order", () => {
    const plan = planSweep({ base, axes: [{ field: "model", values: [novaCanvas.id, SEEDREAM_ID] }, { field: "seed", values: [1, 2] }] }, testPlanDeps);
    expect(runOrder(plan, [{ field: "model", values: [] }, { field: "seed", values: [] }]).map((c) => c.position)).toEqual([0, 2, 1, 3]);
    expect(runOrder(plan, [{ field: "seed", values: [] }]).map((c) => c.position)).toEqual([0, 1, 2, 3]);
  });

  it("maps positions and coordinates both ways", () => {
    const shape: [number, number, number] = [3, 2, 4];
    for (let p = 0; p < 24; p++) expect(cellPosition(shape, ...cellCoords(shape, p))).toBe(p);
  });
});
