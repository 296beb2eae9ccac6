import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL, novaCanvas } from "@/lib/models/nova-canvas";
import { TASK_TYPES } from "@/lib/models/options";
import { parseOk, VALID } from "@/lib/models/test-fixtures";

describe("novaCanvas", () => {
  it("describes the model and is the default", () => {
    expect(novaCanvas).toMatchObject({
      id: "amazon-nova-canvas",
      label: "Amazon Nova Canvas",
      deprecatedOn: "2026-09-30",
      rateCardDate: "2026-11",
      defaultTaskType: "TEXT_IMAGE",
    });
    expect(novaCanvas.taskTypes).toEqual(TASK_TYPES);
    expect(DEFAULT_MODEL).toBe(novaCanvas);
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
});
