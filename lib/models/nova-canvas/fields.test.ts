import { describe, expect, it } from "vitest";
import { SHARED_FIELDS, TASK_FIELDS, visibleFields } from "@/lib/models/nova-canvas/fields";
import { STYLE_LABELS } from "@/lib/models/nova-canvas/style-labels";
import { TASK_LABELS } from "@/lib/models/task-labels";
import { DEFAULTS } from "@/lib/models/nova-canvas/limits";
import { STYLES } from "@/lib/models/nova-canvas/options";
import { TASK_TYPES } from "@/lib/models/task-types";
import { TASK_PARAMS } from "@/lib/models/nova-canvas/schemas";
import { IMG } from "@/lib/models/nova-canvas/test-fixtures";

describe("form fields", () => {
  it.each(TASK_TYPES)("%s has exactly one field per schema parameter", (task) => {
    const names = TASK_FIELDS[task].map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...TASK_PARAMS[task]].sort());
  });

  it.each(TASK_TYPES)("%s has a label, a description and help for every field", (task) => {
    expect(TASK_LABELS[task].label).not.toBe("");
    expect(TASK_LABELS[task].description).not.toBe("");
    for (const f of TASK_FIELDS[task]) expect(f.help.length, f.name).toBeGreaterThan(10);
  });

  it("puts the prompt first where there is one", () => {
    for (const task of TASK_TYPES) {
      const names = TASK_FIELDS[task].map((f) => f.name);
      if (names.includes("prompt")) expect(names.slice(0, 2)).toEqual(["prompt", "negative_prompt"]);
    }
  });

  it("marks the prompt required exactly where the schema requires it", () => {
    const required = TASK_TYPES.filter((t) => TASK_FIELDS[t].find((f) => f.name === "prompt")?.required);
    expect(required).toEqual(["TEXT_IMAGE", "OUTPAINTING", "COLOR_GUIDED_GENERATION"]);
  });

  it("uses the schema's defaults and limits", () => {
    const cfg = TASK_FIELDS.TEXT_IMAGE.find((f) => f.name === "cfg_scale");
    expect(cfg).toMatchObject({ min: 1.1, max: 10, default: DEFAULTS.cfg_scale });
    expect(TASK_FIELDS.IMAGE_VARIATION.find((f) => f.name === "similarity_strength")).toMatchObject({ min: 0.2, max: 1, default: 0.7 });
  });

  it("shows control settings only with a condition image", () => {
    const names = (draft: Record<string, unknown>) => visibleFields("TEXT_IMAGE", draft).map((f) => f.name);
    expect(names({})).not.toContain("control_mode");
    expect(names({ image: IMG })).toEqual(expect.arrayContaining(["control_mode", "control_strength"]));
  });

  it("shows the try-on fields of the chosen mask type only", () => {
    const names = (mask_type?: string) => visibleFields("VIRTUAL_TRY_ON", { mask_type }).map((f) => f.name);
    expect(names("IMAGE")).toContain("mask_image");
    expect(names("IMAGE")).not.toEqual(expect.arrayContaining(["garment_class"]));
    expect(names("IMAGE")).not.toContain("mask_shape");
    expect(names("GARMENT")).toEqual(expect.arrayContaining(["garment_class", "mask_shape", "long_sleeve_style", "tucking_style", "outer_layer_style"]));
    expect(names("GARMENT")).not.toContain("mask_image");
    expect(names("PROMPT")).toEqual(expect.arrayContaining(["mask_prompt", "mask_shape"]));
    expect(names("PROMPT")).not.toContain("tucking_style");
  });

  it("names every style", () => {
    expect(Object.keys(STYLE_LABELS).sort()).toEqual([...STYLES].sort());
    const style = TASK_FIELDS.TEXT_IMAGE.find((f) => f.name === "style");
    expect(Object.keys(style?.optionLabels ?? {})).toHaveLength(STYLES.length);
  });

  it("keeps only shared parameters across a task switch", () => {
    expect([...SHARED_FIELDS]).toEqual(["prompt", "negative_prompt", "seed", "quality", "number_of_images", "cfg_scale"]);
  });
});
