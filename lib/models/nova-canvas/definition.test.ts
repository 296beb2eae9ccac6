import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { TASK_TYPES } from "@/lib/models/task-types";
import { parseOk, VALID } from "@/lib/models/nova-canvas/test-fixtures";

describe("novaCanvas", () => {
  it("describes the model, its source and its end of life", () => {
    expect(novaCanvas).toMatchObject({
      id: "amazon-nova-canvas",
      label: "Amazon Nova Canvas",
      source: "built-in",
      lifecycle: { status: "deprecated", retiresOn: "2026-09-30" },
      defaultTaskType: "TEXT_IMAGE",
    });
    expect(novaCanvas.taskTypes).toEqual(TASK_TYPES);
  });

  it("builds payloads with its own id", () => {
    expect(novaCanvas.buildPayload(parseOk(VALID.TEXT_IMAGE), { sync: true })).toMatchObject({
      model: "amazon-nova-canvas",
      sync: true,
    });
  });

  it("validates with the shared function", () => {
    expect(novaCanvas.validate({ task_type: "NOPE" }).ok).toBe(false);
    expect(novaCanvas.validate(VALID.INPAINTING).ok).toBe(true);
  });

  it("prices a returned image by its real size and the job's quality (contract §4)", () => {
    expect(novaCanvas.outputPriceMicros({ quality: "standard" }, { width: 1024, height: 1024 })).toBe(120_000);
    expect(novaCanvas.outputPriceMicros({ quality: "premium" }, { width: 1024, height: 1024 })).toBe(180_000);
    expect(novaCanvas.outputPriceMicros({ quality: "premium" }, { width: 2048, height: 1024 })).toBe(240_000);
    // Background removal sends no quality: billed as standard.
    expect(novaCanvas.outputPriceMicros({}, { width: 2048, height: 2048 })).toBe(180_000);
  });

  it("estimates a run from its own rate card", () => {
    const est = novaCanvas.estimateCost({ task_type: "TEXT_IMAGE", number_of_images: 2, quality: "premium" });
    expect(est).toMatchObject({ images: 2, perImageMicros: 180_000, totalMicros: 360_000 });
  });
});
