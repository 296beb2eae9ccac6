import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { FLUX_ID, SEEDREAM_ID, TEST_MODELS } from "@/lib/sweeps/test-models";
import { axisChoices, compareModelsPreset, newAxisDraft, nextChoice, toSweepAxis, withText, type AxisChoice } from "./axis-drafts";

const models = TEST_MODELS.map((m) => ({ id: m.id, label: m.label }));
const fields = novaCanvas.taskFields.TEXT_IMAGE!;
const choices = axisChoices(novaCanvas, "TEXT_IMAGE", "a {red|green|blue} fox", models);
const choice = (key: string) => choices.find((c) => c.key === key) as AxisChoice;
const spec = (name: string) => fields.find((f) => f.name === name);

describe("axisChoices", () => {
  it("offers the model, the task's numbers, selects, toggles and seed, prompt search/replace and each {a|b} group", () => {
    const keys = choices.map((c) => c.key);
    expect(keys[0]).toBe("model");
    expect(keys).toEqual(expect.arrayContaining(["field:cfg_scale", "field:style", "field:seed", "field:number_of_images", "prompt-sr", "alt:{red|green|blue}"]));
    expect(keys).not.toContain("field:prompt");
    expect(keys).not.toContain("field:negative_prompt");
    expect(choice("field:style").input).toBe("list");
    expect(choice("field:cfg_scale").input).toBe("text");
    expect(choice("alt:{red|green|blue}").options?.map((o) => o.value)).toEqual(["red", "green", "blue"]);
  });

  it("starts a new axis on the first parameter not yet varied", () => {
    const first = nextChoice(choices, [])!;
    expect(first.key.startsWith("field:")).toBe(true);
    expect(nextChoice(choices, [first.key])!.key).not.toBe(first.key);
  });
});

describe("toSweepAxis", () => {
  it("types numbers in A1111's syntax, parsed once per edit", () => {
    const d = withText(newAxisDraft(choice("field:cfg_scale")), "3-9 (+3)", spec("cfg_scale"));
    expect(toSweepAxis(d, choice("field:cfg_scale"), spec("cfg_scale"))).toEqual({ ok: true, axis: { field: "cfg_scale", values: [3, 6, 9], source: "3-9 (+3)" } });
    const bad = withText(d, "3, x", spec("cfg_scale"));
    expect(toSweepAxis(bad, choice("field:cfg_scale"), spec("cfg_scale"))).toMatchObject({ ok: false, message: expect.stringContaining('"x"') });
  });

  it("draws random seeds when typed, not again on every read", () => {
    let n = 0;
    const d = withText(newAxisDraft(choice("field:seed")), "3 random", spec("seed"), () => (n++ % 10) / 10);
    const a = toSweepAxis(d, choice("field:seed"), spec("seed"));
    const b = toSweepAxis(d, choice("field:seed"), spec("seed"));
    expect(a).toEqual(b);
    expect(a.ok && a.axis.values).toHaveLength(3);
  });

  it("picks select values from a list in the options' order, with their labels as the source", () => {
    const d = { ...newAxisDraft(choice("field:style")), picked: ["DESIGN_SKETCH", "PHOTOREALISM"] };
    expect(newAxisDraft(choice("field:style")).picked).toEqual([]);
    const r = toSweepAxis(d, choice("field:style"), spec("style"));
    expect(r.ok && r.axis.values).toEqual(["DESIGN_SKETCH", "PHOTOREALISM"]);
    expect(r.ok && r.axis.source).toBe("Design sketch, Photorealism");
    expect(toSweepAxis({ ...d, picked: [] }, choice("field:style"), spec("style"))).toEqual({ ok: false, message: "Tick at least one value" });
  });

  it("makes prompt axes: search/replace (the first value is searched) and a {a|b} group's alternatives", () => {
    const sr = withText(newAxisDraft(choice("prompt-sr")), "fox, cat, owl", undefined);
    expect(toSweepAxis(sr, choice("prompt-sr"), undefined)).toEqual({ ok: true, axis: { field: "prompt", search: "fox", values: ["fox", "cat", "owl"], source: "fox, cat, owl" } });
    expect(toSweepAxis(withText(sr, "fox", undefined), choice("prompt-sr"), undefined).ok).toBe(false);
    const alt = { ...newAxisDraft(choice("alt:{red|green|blue}")), picked: ["blue", "red"] };
    expect(toSweepAxis(alt, choice("alt:{red|green|blue}"), undefined)).toEqual({ ok: true, axis: { field: "prompt", search: "{red|green|blue}", values: ["red", "blue"] } });
  });

  it("compare models: the current model and the others that can run, at most four", () => {
    const d = compareModelsPreset(FLUX_ID, [novaCanvas.id, FLUX_ID, SEEDREAM_ID, "a", "b"]);
    expect(d.picked).toEqual([FLUX_ID, novaCanvas.id, SEEDREAM_ID, "a"]);
    const r = toSweepAxis(compareModelsPreset(novaCanvas.id, [FLUX_ID, SEEDREAM_ID]), choice("model"), undefined);
    expect(r).toEqual({ ok: true, axis: { field: "model", values: [novaCanvas.id, FLUX_ID, SEEDREAM_ID] } });
  });
});
