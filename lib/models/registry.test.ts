import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { DEFAULT_MODEL_ID, defaultModel, getModel, listModels } from "@/lib/models/registry";

describe("the model registry", () => {
  it("lists each model once, by a unique id", () => {
    const ids = listModels().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(novaCanvas.id);
  });

  it("finds models by id and nothing for other keys", () => {
    expect(getModel(novaCanvas.id)).toBe(novaCanvas);
    for (const key of ["", "nope", "__proto__", "constructor", "toString"]) expect(getModel(key)).toBeUndefined();
  });

  it("defaults to the first model, so requests without `model` run as before", () => {
    expect(DEFAULT_MODEL_ID).toBe(novaCanvas.id);
    expect(defaultModel()).toBe(novaCanvas);
  });

  it("gives every model what the app needs from it", () => {
    for (const m of listModels()) {
      expect(m.taskTypes.length).toBeGreaterThan(0);
      expect(m.taskTypes).toContain(m.defaultTaskType);
      for (const t of m.taskTypes) {
        expect(m.taskFields[t]).toBeDefined();
        expect(m.taskLabels[t]).toBeDefined();
        expect(m.maskPolarity[t]).toMatch(/^(white|black)-edit$/);
      }
      expect(["built-in", "catalog"]).toContain(m.source);
      expect(["active", "deprecated", "retired"]).toContain(m.lifecycle.status);
    }
  });
});
